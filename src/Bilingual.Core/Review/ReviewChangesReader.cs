using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;
using System.Xml.Linq;

namespace Bilingual.Core.Review;

/// <summary>
/// Reads what a reviewer exports from the review page: the changes JSON
/// (<c>bilingual-review-changes</c>, version 1) or the corrected TMX 1.4b, into corrections for the store.
/// </summary>
public static class ReviewChangesReader
{
    /// <summary>The <c>format</c> value of a changes file.</summary>
    public const string Format = "bilingual-review-changes";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>Reads <paramref name="path"/>, a <c>.json</c> changes file or a <c>.tmx</c> file.</summary>
    /// <param name="path">The file exported by the review page.</param>
    /// <param name="defaultReviewer">The reviewer to record where the file names none.</param>
    /// <exception cref="InvalidDataException">The file is neither, or is malformed; the message says where.</exception>
    public static IReadOnlyList<ReviewCorrection> Read(string path, string? defaultReviewer = null)
    {
        using var stream = File.OpenRead(path);
        var first = stream.ReadByte();
        while (first is ' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF)
        {
            first = stream.ReadByte();
        }

        stream.Position = 0;
        return first switch
        {
            '{' => ReadJson(stream, defaultReviewer),
            '<' => ReadTmx(stream, defaultReviewer),
            _ => throw new InvalidDataException($"{path}: neither a review changes JSON file nor a TMX file"),
        };
    }

    /// <summary>Reads a changes JSON document.</summary>
    public static IReadOnlyList<ReviewCorrection> ReadJson(Stream stream, string? defaultReviewer = null)
    {
        ChangesFile? file;
        try
        {
            file = JsonSerializer.Deserialize<ChangesFile>(stream, JsonOptions);
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
    public static IReadOnlyList<ReviewCorrection> ReadTmx(Stream stream, string? defaultReviewer = null)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new InvalidDataException($"TMX is not well-formed XML: {e.Message}", e);
        }

        var header = document.Root?.Element("header");
        var sourceLanguage = header?.Attribute("srclang")?.Value;
        if (document.Root?.Name != "tmx" || string.IsNullOrWhiteSpace(sourceLanguage))
        {
            throw new InvalidDataException("not a TMX file: expected <tmx> with <header srclang=…>");
        }

        var corrections = new List<ReviewCorrection>();
        foreach (var unit in document.Root.Element("body")?.Elements("tu") ?? [])
        {
            var status = unit.Elements("prop").FirstOrDefault(p => (string?)p.Attribute("type") == "x-status")?.Value;
            if (status is null)
            {
                continue;
            }

            if (!ReviewStatus.IsKnown(status))
            {
                throw new InvalidDataException($"tu {(string?)unit.Attribute("tuid")}: unknown x-status '{status}'");
            }

            var variants = unit.Elements("tuv")
                .Select(v => (Language: (string?)v.Attribute(XNamespace.Xml + "lang") ?? "", Text: v.Element("seg")?.Value ?? ""))
                .ToList();
            var source = variants.FirstOrDefault(v => string.Equals(v.Language, sourceLanguage, StringComparison.OrdinalIgnoreCase));
            var target = variants.FirstOrDefault(v => !string.Equals(v.Language, sourceLanguage, StringComparison.OrdinalIgnoreCase));
            if (string.IsNullOrWhiteSpace(source.Text) || target.Language is null or "")
            {
                continue;
            }

            corrections.Add(new ReviewCorrection(
                sourceLanguage,
                target.Language,
                source.Text,
                target.Text,
                status,
                Blank((string?)unit.Attribute("changeid")) ?? defaultReviewer,
                ParseTmxDate((string?)unit.Attribute("changedate")),
                Blank(unit.Element("note")?.Value)));
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
}
