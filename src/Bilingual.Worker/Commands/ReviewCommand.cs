using System.CommandLine;
using System.Globalization;
using Bilingual.Core.Review;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bilingual.Worker.Commands;

/// <summary>
/// <c>bilingual review apply CHANGES</c>: takes what a reviewer exported from the review page (the changes
/// JSON or the corrected TMX) into the translation memory, so the next run carries the corrections.
/// </summary>
internal static class ReviewCommand
{
    /// <summary>
    /// Creates the <c>review</c> command; <paramref name="buildServices"/> turns the command line's configuration
    /// overrides into the services (with <see cref="ReviewServiceCollectionExtensions.AddReview"/> registered).
    /// </summary>
    public static Command Create(Func<IConfiguration, IServiceProvider> buildServices)
    {
        ArgumentNullException.ThrowIfNull(buildServices);
        var changes = new Argument<FileInfo>("changes")
        {
            Description = "The file exported by the review page: <name>.review.json or <name>.reviewed.tmx",
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
            if (!file.Exists)
            {
                await error.WriteLineAsync($"review apply: {file.FullName} does not exist");
                return 2;
            }

            IReadOnlyList<ReviewCorrection> corrections;
            try
            {
                corrections = await ReviewChangesReader.ReadAsync(file.FullName, result.GetValue(reviewer), cancellationToken);
            }
            catch (InvalidDataException e)
            {
                await error.WriteLineAsync($"review apply: {file.Name}: {e.Message}");
                return 1;
            }

            var services = buildServices(Configuration(result.GetValue(cache)));
            try
            {
                var store = services.GetRequiredService<IReviewStore>();
                var written = await store.SaveAsync(corrections, cancellationToken);
                var database = services.GetRequiredService<IOptions<ReviewOptions>>().Value.DatabasePath;
                var byStatus = string.Join(", ", corrections
                    .GroupBy(c => c.Status)
                    .OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key}")));
                await output.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"review apply: {corrections.Count} reviewed segments in {file.Name} ({(byStatus.Length == 0 ? "none" : byStatus)}); {written} stored in {database}"));
                return 0;
            }
            catch (OptionsValidationException e)
            {
                await error.WriteLineAsync($"review apply: invalid configuration: {string.Join("; ", e.Failures)}");
                return 2;
            }
            finally
            {
                (services as IDisposable)?.Dispose();
            }
        });

        return new Command("review", "Take translators' review of the side-by-side page back into the translation memory") { apply };
    }

    // Only what the command line says; the host adds appsettings.json and the environment beneath it.
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
