using Bilingual.Core.Pipeline;
using Bilingual.Core.Reading;
using Bilingual.Core.Segmentation;
using Bilingual.Core.Validation;
using Microsoft.Extensions.Options;

namespace Bilingual.Worker;

/// <summary>
/// How every command reports what stops it: one line on standard error that names the key or file, the problem
/// and, where there is one, the fix; exit code 2. With <c>--verbose</c> the exception follows the line.
/// </summary>
internal static class CommandErrors
{
    /// <summary>
    /// The one-line message for <paramref name="exception"/> when it is a configuration or input error the user can
    /// fix, else null (a fault to let through).
    /// </summary>
    public static string? Describe(Exception exception) => exception switch
    {
        OptionsValidationException options => "configuration error: " + string.Join("; ", options.Failures),
        AggregateException aggregate when aggregate.InnerExceptions.All(e => e is OptionsValidationException) =>
            "configuration error: " + string.Join("; ", aggregate.InnerExceptions.SelectMany(e => ((OptionsValidationException)e).Failures)),
        ArticleFormatException or JobInputException or SrxRulesException or SetupException => exception.Message,
        _ => null,
    };

    /// <summary>
    /// Whether <paramref name="exception"/>, stopping a run, is a setup error (exit code 2): one we describe, or a
    /// folder or file the run could not reach (the input folder missing, the output folder unwritable).
    /// </summary>
    public static bool IsSetupError(Exception exception) =>
        Describe(exception) is not null || exception is DirectoryNotFoundException or IOException or UnauthorizedAccessException;

    /// <summary>
    /// Writes the line for a fault that stopped the translate job: the description of a setup error, else
    /// <c>the run stopped: MESSAGE</c> (a fault of ours: <c>--verbose</c> shows where).
    /// </summary>
    public static async Task ReportRunFaultAsync(Exception exception, string command, TextWriter error, bool verbose)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(error);
        if (await ReportAsync(exception, command, error, verbose) is not null)
        {
            return;
        }

        await WriteAsync(exception, command, IsSetupError(exception) ? exception.Message : $"the run stopped: {exception.Message}", error, verbose);
    }

    private static async Task WriteAsync(Exception exception, string command, string message, TextWriter error, bool verbose)
    {
        await error.WriteLineAsync($"{command}: {message.ReplaceLineEndings(" ")}");
        if (verbose)
        {
            await error.WriteLineAsync(exception.ToString());
        }
    }

    /// <summary>Writes the line for <paramref name="exception"/> (<c>bilingual COMMAND: …</c>) and returns <see cref="ExitCodes.SetupError"/>, or null when it is not one we report.</summary>
    public static async Task<int?> ReportAsync(Exception exception, string command, TextWriter error, bool verbose)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(error);
        if (Describe(exception) is not { } message)
        {
            return null;
        }

        await WriteAsync(exception, command, message, error, verbose);
        return ExitCodes.SetupError;
    }
}
