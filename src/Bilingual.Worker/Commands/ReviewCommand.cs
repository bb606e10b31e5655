using System.CommandLine;
using System.Globalization;
using Bilingual.Core.Pipeline;
using Bilingual.Core.Review;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bilingual.Worker.Commands;

/// <summary>
/// <c>bilingual review apply CHANGES</c>: takes what a reviewer exported from the review page (the changes
/// JSON or the corrected TMX) or a translator's XLIFF into the translation memory, so the next run carries the corrections. It parses
/// the arguments and calls the review import job (<see cref="IReviewImportJob"/>).
/// </summary>
internal static class ReviewCommand
{
    /// <summary>Creates the <c>review</c> command; <paramref name="buildServices"/> turns the command line's configuration overrides into the services.</summary>
    public static Command Create(Func<IConfiguration, IServiceProvider> buildServices)
    {
        ArgumentNullException.ThrowIfNull(buildServices);
        var changes = new Argument<string>("changes")
        {
            Description = "The file exported by the review page (<name>.review.json or <name>.reviewed.tmx) or a translator's <name>.xlf",
        };
        var cache = new Option<string?>("--cache")
        {
            Description = "The translation memory file (overrides Cache:Path, default cache/translations.db)",
        };
        var reviewer = new Option<string?>("--reviewer")
        {
            Description = "The reviewer to record where the file names none",
        };

        var apply = new Command("apply", "Merge a reviewer's corrections into the translation memory") { changes, cache, reviewer };
        apply.SetAction(async (ParseResult result, CancellationToken cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var file = result.GetRequiredValue(changes);
            IServiceProvider? services = null;
            try
            {
                services = buildServices(Configuration(result.GetValue(cache)));
                var imported = await services.GetRequiredService<IReviewImportJob>().ImportAsync(file, result.GetValue(reviewer), cancellationToken);
                var byStatus = string.Join(", ", imported.Corrections
                    .GroupBy(c => c.Status)
                    .OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key}")));
                await output.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"review apply: {imported.Corrections.Count} reviewed segments in {Path.GetFileName(file)} ({(byStatus.Length == 0 ? "none" : byStatus)}); {imported.Stored} stored in {imported.DatabasePath}"));
                return ExitCodes.Success;
            }
            catch (Exception exception) when (CommandErrors.Describe(exception) is not null)
            {
                return (await CommandErrors.ReportAsync(exception, "review apply", error, result.GetValue(BilingualCommandLine.Verbose)))!.Value;
            }
            finally
            {
                (services as IDisposable)?.Dispose();
            }
        });

        return new Command("review", "Take translators' review of the side-by-side page back into the translation memory") { apply };
    }

    // Only what the command line says; the usual configuration lies beneath it.
    private static IConfiguration Configuration(string? cachePath)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (cachePath is not null)
        {
            overrides[ReviewOptions.CachePathKey] = cachePath;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(overrides).Build();
    }
}
