using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Bilingual.Core.Text;

namespace Bilingual.Core.Writing;

/// <summary>A translation memory read from a TMX file: its header and its units.</summary>
/// <param name="SourceLanguage">The header's <c>srclang</c>, or null when absent or <c>*all*</c>.</param>
/// <param name="Properties">The header's <c>&lt;prop&gt;</c>s by type (the first of each type).</param>
/// <param name="Units">The translation units that have a source variant, in file order.</param>
public sealed record TmxMemory(string? SourceLanguage, IReadOnlyDictionary<string, string> Properties, IReadOnlyList<TmxUnit> Units);

/// <summary>One <c>&lt;tu&gt;</c>: its source and target text, its properties and attributes.</summary>
/// <param name="Id">The <c>tuid</c>, or null.</param>
/// <param name="SourceLanguage">The <c>xml:lang</c> of the source variant.</param>
/// <param name="Source">The source segment text, inline codes left out.</param>
/// <param name="TargetLanguage">The <c>xml:lang</c> of the target variant, or null when the unit has none.</param>
/// <param name="Target">The target segment text, or null when the unit has no second variant.</param>
/// <param name="Properties">The unit's <c>&lt;prop&gt;</c>s by type (the first of each type), e.g. <c>x-status</c>.</param>
/// <param name="Attributes">The unit's attributes by name, e.g. <c>changeid</c>, <c>changedate</c>.</param>
/// <param name="Notes">The unit's <c>&lt;note&gt;</c>s.</param>
public sealed record TmxUnit(
    string? Id,
    string SourceLanguage,
    string Source,
    string? TargetLanguage,
    string? Target,
    IReadOnlyDictionary<string, string> Properties,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<string> Notes);

/// <summary>
/// Reads TMX 1.4 (and the 1.1–1.3 files that share its shape) one <c>&lt;tu&gt;</c> at a time. The DTD is
/// ignored and never fetched. The source variant is the one in the unit's or the header's <c>srclang</c>
/// (the first variant when neither names a language present); the target is the first other variant. A
/// <c>&lt;seg&gt;</c> longer than the limit is refused; the caller bounds the document by checking the file's size
/// before reading it.
/// </summary>
public static class TmxReader
{
    /// <summary>The longest <c>&lt;seg&gt;</c> read by default, in characters: 1,000,000, far above any sentence or paragraph.</summary>
    public const int DefaultMaxSegmentCharacters = 1_000_000;

    // TMX 1.4b §3.7: these inline elements hold native codes, not text.
    private static readonly HashSet<string> CodeElements = ["bpt", "ept", "ph", "it", "ut"];

    private static readonly XmlReaderSettings Settings = new()
    {
        Async = true,
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        // Other tools write character references XML 1.0 forbids (&#x1;); read past them rather than fail.
        CheckCharacters = false,
    };

    /// <summary>Reads the TMX file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">A <c>&lt;seg&gt;</c> is longer than <see cref="DefaultMaxSegmentCharacters"/>.</exception>
    public static async Task<TmxMemory> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
        return await ReadAsync(stream, cancellationToken);
    }

    /// <summary>Reads a TMX document from <paramref name="stream"/>.</summary>
    /// <exception cref="InvalidDataException">A <c>&lt;seg&gt;</c> is longer than <see cref="DefaultMaxSegmentCharacters"/>.</exception>
    public static Task<TmxMemory> ReadAsync(Stream stream, CancellationToken cancellationToken) =>
        ReadAsync(stream, DefaultMaxSegmentCharacters, cancellationToken);

    /// <summary>Reads a TMX document from <paramref name="stream"/>, refusing a <c>&lt;seg&gt;</c> over <paramref name="maxSegmentCharacters"/>.</summary>
    /// <exception cref="InvalidDataException">A <c>&lt;seg&gt;</c> is longer than <paramref name="maxSegmentCharacters"/>; the message names its unit.</exception>
    public static async Task<TmxMemory> ReadAsync(Stream stream, int maxSegmentCharacters, CancellationToken cancellationToken)
    {
        using var reader = XmlReader.Create(stream, Settings);
        string? sourceLanguage = null;
        IReadOnlyDictionary<string, string> properties = new Dictionary<string, string>();
        var units = new List<TmxUnit>();
        while (!reader.EOF)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName is "header")
            {
                var header = (XElement)await XNode.ReadFromAsync(reader, cancellationToken);
                sourceLanguage = Language(header.Attribute("srclang")?.Value);
                properties = Properties(header);
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName is "tu")
            {
                var tu = (XElement)await XNode.ReadFromAsync(reader, cancellationToken);
                if (Unit(tu, sourceLanguage, maxSegmentCharacters) is { } unit)
                {
                    units.Add(unit);
                }
            }
            else
            {
                await reader.ReadAsync();
            }
        }

        return new TmxMemory(sourceLanguage, properties, units);
    }

    private static TmxUnit? Unit(XElement tu, string? headerSourceLanguage, int maxSegmentCharacters)
    {
        var variants = new List<(string Language, string Text)>();
        foreach (var tuv in tu.Elements().Where(e => e.Name.LocalName is "tuv"))
        {
            if (SegmentText(tuv) is { } text)
            {
                if (text.Length > maxSegmentCharacters)
                {
                    throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                        $"tu {tu.Attribute("tuid")?.Value ?? "without tuid"}: a <seg> of {text.Length:N0} characters, more than the limit of {maxSegmentCharacters:N0}"));
                }

                variants.Add((VariantLanguage(tuv), text));
            }
        }

        if (variants.Count == 0)
        {
            return null;
        }

        var sourceLanguage = Language(tu.Attribute("srclang")?.Value) ?? headerSourceLanguage;
        // The variant in the source language: the same tag (any case, _ or -), else one under it (srclang nl, xml:lang nl-NL).
        var sourceIndex = variants.FindIndex(v => LanguageTag.AreSame(v.Language, sourceLanguage));
        if (sourceIndex < 0 && sourceLanguage is not null)
        {
            sourceIndex = variants.FindIndex(v => LanguageTag.Matches(sourceLanguage, v.Language));
        }

        sourceIndex = Math.Max(0, sourceIndex);
        var targetIndex = sourceIndex > 0 ? 0 : variants.Count > 1 ? 1 : -1;
        return new TmxUnit(
            tu.Attribute("tuid")?.Value,
            variants[sourceIndex].Language,
            variants[sourceIndex].Text,
            targetIndex < 0 ? null : variants[targetIndex].Language,
            targetIndex < 0 ? null : variants[targetIndex].Text,
            Properties(tu),
            tu.Attributes().GroupBy(a => a.Name.LocalName).ToDictionary(g => g.Key, g => g.First().Value),
            tu.Elements().Where(e => e.Name.LocalName is "note").Select(e => e.Value).ToList());
    }

    private static Dictionary<string, string> Properties(XElement element)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var prop in element.Elements().Where(e => e.Name.LocalName is "prop"))
        {
            if (prop.Attribute("type")?.Value is { } type)
            {
                properties.TryAdd(type, prop.Value);
            }
        }

        return properties;
    }

    // TMX 1.4 uses xml:lang; 1.1–1.2 used lang.
    private static string VariantLanguage(XElement tuv) =>
        tuv.Attribute(XNamespace.Xml + "lang")?.Value ?? tuv.Attribute("lang")?.Value ?? "";

    private static string? Language(string? srclang) =>
        string.IsNullOrWhiteSpace(srclang) || srclang == "*all*" ? null : srclang;

    private static string? SegmentText(XElement tuv)
    {
        var seg = tuv.Elements().FirstOrDefault(e => e.Name.LocalName is "seg");
        return seg is null ? null : string.Concat(seg.DescendantNodes().OfType<XText>().Where(t => !InsideCode(t, seg)).Select(t => t.Value));
    }

    private static bool InsideCode(XText text, XElement seg)
    {
        for (var parent = text.Parent; parent is not null && parent != seg; parent = parent.Parent)
        {
            if (CodeElements.Contains(parent.Name.LocalName))
            {
                return true;
            }
        }

        return false;
    }
}
