using Bilingual.Core.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bilingual.Worker;

/// <summary>How the translate job runs and how it ended.</summary>
internal sealed class WorkerRun(bool watch)
{
    /// <summary>True to keep watching the input folder after the first pass.</summary>
    public bool Watch { get; } = watch;

    /// <summary>0 when every article was written, 1 when any failed, 2 for a setup error, 130 when cancelled.</summary>
    public int ExitCode { get; set; }

    /// <summary>What stopped the run before it finished, or null; the command line reports it in one line.</summary>
    public Exception? Fault { get; set; }
}

/// <summary>The translate job as a hosted service: one pass over the input folder, or a watch until Ctrl+C.</summary>
internal sealed partial class TranslationWorker(
    ArticleFolderRunner runner,
    WorkerRun run,
    IHostApplicationLifetime lifetime,
    ILogger<TranslationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (run.Watch)
            {
                await runner.WatchAsync(stoppingToken);
                run.ExitCode = ExitCodes.Success;
            }
            else
            {
                var report = await runner.RunOnceAsync(stoppingToken);
                run.ExitCode = report.Succeeded ? ExitCodes.Success : ExitCodes.ArticleFailed;
                foreach (var failure in report.Failures)
                {
                    LogFailure(failure.File, failure.Reason);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            LogCancelled();
            run.ExitCode = ExitCodes.Cancelled;
        }
        catch (Exception exception)
        {
            // Every fault ends here, never in the host (which would log it and exit 0): the command line reports it.
            run.Fault = exception;
            run.ExitCode = CommandErrors.IsSetupError(exception) ? ExitCodes.SetupError : ExitCodes.ArticleFailed;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "FAILED {File}: {Reason}")]
    private partial void LogFailure(string file, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cancelled: translations finished so far are cached; run again to complete")]
    private partial void LogCancelled();
}
