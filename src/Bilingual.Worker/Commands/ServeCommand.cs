using System.CommandLine;
using Bilingual.Core;
using Bilingual.Worker.Api;
using Microsoft.AspNetCore.Builder;

namespace Bilingual.Worker.Commands;

/// <summary><c>bilingual serve [--urls URL]</c>: the HTTP service, until Ctrl+C. Jobs accepted before a stop resume at the next start.</summary>
internal static class ServeCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = "Where to listen (Api:Urls; default http://127.0.0.1:5080)." };
        var command = new Command("serve", "Run the HTTP API: translation jobs, synchronous translate and align.") { urls };
        command.SetAction(async (ParseResult result, CancellationToken cancellationToken) =>
        {
            var error = result.InvocationConfiguration.Error;
            try
            {
                await using var app = ApiHost.Build(null, result.GetValue(urls));
                // Options are checked before Kestrel starts, so a bad one is one line, not a failed start and its trace.
                BilingualConfiguration.ValidateOptions(app.Services);
                await Microsoft.Extensions.Hosting.HostingAbstractionsHostExtensions.RunAsync(app, cancellationToken);
                return ExitCodes.Success;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return ExitCodes.Cancelled;
            }
            catch (Exception exception) when (CommandErrors.Describe(exception) is not null)
            {
                return (await CommandErrors.ReportAsync(exception, "serve", error, result.GetValue(BilingualCommandLine.Verbose)))!.Value;
            }
        });
        return command;
    }
}
