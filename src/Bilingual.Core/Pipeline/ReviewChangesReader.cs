using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Xml;
using Bilingual.Core.Review;
using Bilingual.Core.Writing;

namespace Bilingual.Core.Pipeline;

/// <summary>
/// Reads what a reviewer exports from the review page: the changes JSON
/// (<c>bilingual-review-changes</c>, version 1) or the corrected TMX 1.4b, into corrections for the store.
/// </summary>
public static partial class ReviewChangesReader
{
    /// <summary>The <c>format</c> value of a changes file.</summary>
    public const string Format = "bilingual-review-changes";

    private const string LimitKey = "Review:MaxSegmentCharacters";

    private static readonly JsonTypeInfo<ChangesFile> ChangesJson = (JsonTypeInfo<ChangesFile>)new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = ChangesJsonContext.Default,
    }.GetTypeInfo(typeof(ChangesFile));

    /// <summary>Reads <paramref name="path"/>, a <c>.json</c> changes file, a <c>.tmx</c> or an <c>.xlf</c> (<see cref="XliffChangesReader"/>) file, told apart by content.</summary>
    /// <param name="path">The file exported by the review page.</param>
    /// <param name="defaultReviewer">The reviewer to record where the file names none.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <exception cref="InvalidDataException">The file is neither, or is malformed; the message says why.</exception>
    public static Task<IReadOnlyList<ReviewCorrection>> ReadAsync(string path, string? defaultReviewer, CancellationToken cancellationToken) =>
        ReadAsync(path, defaultReviewer, TmxReader.DefaultMaxSegmentCharacters, cancellationToken);

    /// <summary>Reads <paramref name="path"/>, refusing a segment longer than <paramref name="maxSegmentCharacters"/>.</summary>
    /// <exception cref="InvalidDataException">The file is neither format, is malformed, or holds a segment over the limit; the message says why.</exception>
    public static async Task<IReadOnlyList<ReviewCorrection>> ReadAsync(string path, string? defaultReviewer, int maxSegmentCharacters, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
        var first = stream.ReadByte();
        while (first is ' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF)
        {
            first = stream.ReadByte();
        }

        stream.Position = 0;
        return first switch
        {
            '{' => ReadJson(stream, defaultReviewer, maxSegmentCharacters),
            '<' when XliffChangesReader.IsXliff(stream) =>
                await XliffChangesReader.ReadAsync(stream, defaultReviewer, File.GetLastWriteTimeUtc(path), cancellationToken),
            '<' => await ReadTmxAsync(stream, defaultReviewer, maxSegmentCharacters, cancellationToken),
            _ => throw new InvalidDataException("neither a review changes JSON file, a TMX file nor an XLIFF file"),
        };
    }

    /// <summary>Reads a changes JSON document, refusing a change whose texts are longer than <paramref name="maxSegmentCharacters"/>.</summary>
    public static IReadOnlyList<ReviewCorrection> ReadJson(Stream stream, string? defaultReviewer = null, int maxSegmentCharacters = TmxReader.DefaultMaxSegmentCharacters)
    {
        ChangesFile? file;
        try
        {
            file = JsonSerializer.Deserialize(stream, ChangesJson);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"changes JSON is malformed: {e.Message}", e);
        }

        if (file is null || file.Format != Format || file.Version != 1)
        {
            throw new InvalidDataException($"not a changes file: expected \"format\": \"{Format}\" and \"version\": 1");
        }

        if (string.IsNullOrWhiteSpace(file.SourceLanguage) || string.IsNullOrWhiteSpace(file.TargetLanguage))
        {
            throw new InvalidDataException("changes JSON lacks sourceLanguage or targetLanguage");
        }

        var corrections = new List<ReviewCorrection>();
        foreach (var change in file.Changes ?? [])
        {
            if (string.IsNullOrWhiteSpace(change.Source))
            {
                continue; // A 0-n bead has no source to key a correction by.
            }

            var longest = Math.Max(Math.Max(change.Source.Length, change.Target?.Length ?? 0), Math.Max(change.OriginalTarget?.Length ?? 0, change.Comment?.Length ?? 0));
            if (longest > maxSegmentCharacters)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"change {change.Id}: a text of {longest:N0} characters, more than the limit of {maxSegmentCharacters:N0} ({LimitKey})"));
            }

            var edited = change.Target is not null && !string.Equals(change.Target, change.OriginalTarget, StringComparison.Ordinal);
            var status = edited ? ReviewStatus.Corrected : change.Status;
            if (status is null)
            {
                continue; // Neither an edit nor a decision: nothing for the memory.
            }

            if (!ReviewStatus.IsKnown(status))
            {
                throw new InvalidDataException($"change {change.Id}: unknown status '{change.Status}'");
            }

            corrections.Add(new ReviewCorrection(
                file.SourceLanguage,
                file.TargetLanguage,
                change.Source,
                (edited ? change.Target : change.OriginalTarget) ?? "",
                status,
                Blank(change.Reviewer) ?? Blank(file.Reviewer) ?? defaultReviewer,
                change.ChangedAt ?? file.ExportedAt ?? DateTimeOffset.UnixEpoch,
                Blank(change.Comment)));
        }

        return corrections;
    }

    /// <summary>Reads the reviewed units of a TMX 1.4b file: those with a <c>&lt;prop type="x-status"&gt;</c>.</summary>
    public static Task<IReadOnlyList<ReviewCorrection>> ReadTmxAsync(Stream stream, string? defaultReviewer, CancellationToken cancellationToken) =>
        ReadTmxAsync(stream, defaultReviewer, TmxReader.DefaultMaxSegmentCharacters, cancellationToken);

    /// <summary>Reads the reviewed units of a TMX 1.4b file, refusing a <c>&lt;seg&gt;</c> longer than <paramref name="maxSegmentCharacters"/>.</summary>
    public static async Task<IReadOnlyList<ReviewCorrection>> ReadTmxAsync(Stream stream, string? defaultReviewer, int maxSegmentCharacters, CancellationToken cancellationToken)
    {
        TmxMemory memory;
        try
        {
            memory = await TmxReader.ReadAsync(stream, maxSegmentCharacters, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            // The reader refuses a <seg> over the limit; the setting that sets it is ours to name.
            throw new InvalidDataException($"{e.Message} ({LimitKey})", e);
        }
        catch (XmlException e)
        {
            throw new InvalidDataException($"TMX is not well-formed XML: {e.Message}", e);
        }

        var corrections = new List<ReviewCorrection>();
        foreach (var unit in memory.Units)
        {
            if (!unit.Properties.TryGetValue("x-status", out var status))
            {
                continue;
            }

            if (!ReviewStatus.IsKnown(status))
            {
                throw new InvalidDataException($"tu {unit.Id}: unknown x-status '{status}'");
            }

            if (string.IsNullOrWhiteSpace(unit.Source) || unit.Target is null || string.IsNullOrEmpty(unit.TargetLanguage))
            {
                continue;
            }

            corrections.Add(new ReviewCorrection(
                unit.SourceLanguage,
                unit.TargetLanguage,
                unit.Source,
                unit.Target,
                status,
                Blank(unit.Attributes.GetValueOrDefault("changeid")) ?? defaultReviewer,
                ParseTmxDate(unit.Attributes.GetValueOrDefault("changedate")),
                Blank(string.Join("\n", unit.Notes))));
        }

        return corrections;
    }

    // TMX 1.4b §3.3: dates are YYYYMMDDThhmmssZ, always UTC.
    private static DateTimeOffset ParseTmxDate(string? value) =>
        DateTimeOffset.TryParseExact(value, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : DateTimeOffset.UnixEpoch;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private sealed record ChangesFile(
        string? Format,
        int Version,
        string? Document,
        string? SourceLanguage,
        string? TargetLanguage,
        string? Reviewer,
        DateTimeOffset? ExportedAt,
        IReadOnlyList<Change>? Changes);

    private sealed record Change(
        string? Id,
        string? Source,
        string? OriginalTarget,
        string? Target,
        string? Status,
        string? Comment,
        string? Reviewer,
        [property: JsonPropertyName("changedAt")] DateTimeOffset? ChangedAt);

    /// <summary>Reading of the changes file by generated code (no reflection: the worker is compiled ahead of time).</summary>
    [JsonSerializable(typeof(ChangesFile))]
    private sealed partial class ChangesJsonContext : JsonSerializerContext
    {
    }
}
