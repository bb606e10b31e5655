using System.Diagnostics;
using Bilingual.Core.Translation;
using Bilingual.Core.Validation;
using Bilingual.Core.Writing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Pipeline;

/// <summary>
/// What the translate job does before it reads an article, and when it stops early: the output folder must be
/// writable (else nothing, not even <c>run.json</c>, could be written), temporary files that a killed run left
/// there are removed, and every <see cref="ISetupCheck"/> (the translation cache, the corrections store) must pass.
/// A run that stops still writes a <c>run.json</c> that says why, wherever the output folder can be written.
/// </summary>
public sealed partial class JobStart(
    IEnumerable<ISetupCheck> checks,
    ITranslationService translation,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    ILogger<JobStart> logger)
{
    private const string OutputKey = PipelineOptions.SectionName + ":" + nameof(PipelineOptions.OutputDirectory);

    private DateTimeOffset? _startedAt;

    // When this process started (UTC): temporary files last written before it belong to an earlier process and are
    // removed; later ones may be a write of this process in progress.
    private readonly DateTime _processStartedUtc = CurrentProcessStartUtc();

    /// <summary>Checks the setup before a run over <paramref name="files"/>; on a failure writes <c>run.json</c> and throws.</summary>
    /// <exception cref="SetupException">The output folder cannot be written, or a setup check failed.</exception>
    public async Task PrepareAsync(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        _startedAt = time.GetUtcNow();
        var output = Path.GetFullPath(options.Value.OutputDirectory);
        EnsureWritable(output);

        var removed = AtomicFile.RemoveStaleTemporaryFiles(output, _processStartedUtc);
        if (removed.Count > 0)
        {
            LogRemovedTemporaryFiles(removed.Count, output);
        }

        try
        {
            foreach (var check in checks)
            {
                await check.CheckAsync(cancellationToken);
            }
        }
        catch (SetupException exception)
        {
            await ReportStoppedAsync(files, exception);
            throw;
        }
    }

    /// <summary>
    /// Writes the <c>run.json</c> of a run over <paramref name="files"/> that <paramref name="exception"/> stopped:
    /// every article failed with that reason. A report that cannot be written is logged, never thrown, so the
    /// exception that stopped the run is the one reported.
    /// </summary>
    public async Task ReportStoppedAsync(IReadOnlyList<string> files, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(exception);
        var reason = exception.Message;
        var articles = files.Select(file => new ArticleReport(
            Path.GetFileNameWithoutExtension(file), file, ArticleStatus.Failed, 0, 0, 0, 0, 0, [], $"not processed: the run stopped: {reason}")).ToList();
        var descriptor = translation.Descriptor;
        var now = time.GetUtcNow();
        var report = new RunReport(
            _startedAt ?? now,
            now,
            descriptor.Name,
            descriptor.Version,
            descriptor.IsGloss,
            articles,
            new RunTotals(articles.Count, 0, articles.Count, 0, 0, 0, 0, 0, 0, 0),
            [.. articles.Select(a => new RunFailure(a.File, a.Error!))])
        {
            Stopped = reason,
        };

        try
        {
            // Not cancellable: a run stopped by Ctrl+C or a fault still leaves its report.
            await RunReportFile.WriteAsync(report, options.Value.OutputDirectory, CancellationToken.None);
        }
        catch (Exception writeError) when (writeError is IOException or UnauthorizedAccessException)
        {
            LogReportNotWritten(writeError.Message);
        }
    }

    private static DateTime CurrentProcessStartUtc()
    {
        using var process = Process.GetCurrentProcess();
        return process.StartTime.ToUniversalTime();
    }

    private static void EnsureWritable(string output)
    {
        try
        {
            Directory.CreateDirectory(output);
            // A file that is created and deleted at once: the only sure test that this user may write here.
            using var probe = new FileStream(Path.Combine(output, $".write-check.{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new SetupException(OutputKey, output, $"the output folder cannot be written ({exception.Message})",
                $"make it writable, or set {OutputKey} (--output) to a folder this user can write", exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} temporary files an interrupted run left in {Folder}")]
    private partial void LogRemovedTemporaryFiles(int count, string folder);

    [LoggerMessage(Level = LogLevel.Error, Message = "run.json could not be written: {Reason}")]
    private partial void LogReportNotWritten(string reason);
}
