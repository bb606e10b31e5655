using System.Xml;
using System.Xml.Linq;
using Bilingual.Core.Review;
using Bilingual.Core.Writing;

namespace Bilingual.Core.Pipeline;

/// <summary>
/// Reads a translator's XLIFF 1.2 (the <c>&lt;name&gt;.xlf</c> the translate job writes, back from a CAT tool) into
/// corrections for the store, one per segment (<c>&lt;mrk mtype="seg"&gt;</c>, a bead) of every confirmed unit.
/// </summary>
/// <remarks>
/// <para>
/// A unit is confirmed when its target's <c>state</c> is <c>translated</c>, <c>final</c> or <c>signed-off</c>, or the
/// unit is <c>approved="yes"</c>; every other state (<c>needs-translation</c>, <c>needs-review-translation</c>,
/// <c>new</c> …, or none) leaves it unconfirmed and nothing of it is stored. A segment whose target equals one of
/// its <c>alt-trans</c> candidates (same <c>mid</c>) comes back <c>accepted</c>, any other target <c>corrected</c>;
/// an empty target, or one that is still a copy of the source, is no translation and is left out.
/// </para>
/// <para>
/// Elements and attributes in other namespaces (Trados' <c>sdl:</c>, memoQ's <c>m:</c>) are passed over, and so are
/// the native codes inside <c>ph</c>, <c>bpt</c>, <c>ept</c> and <c>it</c>. A unit that carries the writer's
/// source fingerprint in <c>extradata</c> and whose source no longer matches it (or whose <c>source</c> and
/// <c>seg-source</c> disagree) is refused: its translation belongs to another source text than the one stored.
/// The file is read one unit at a time; DTDs are ignored and never fetched.
/// </para>
/// </remarks>
public static class XliffChangesReader
{
    private static readonly XNamespace Xliff = XliffWriter.Namespace;

    // XLIFF 1.2 §2.5.1 (state): the values that say a person has translated or approved the target.
    private static readonly HashSet<string> ConfirmedStates = ["translated", "final", "signed-off"];

    // XLIFF 1.2 §2.4.3: inline elements that hold native codes, not text.
    private static readonly HashSet<string> CodeElements = ["ph", "bpt", "ept", "it"];

    private static readonly XmlReaderSettings Settings = new()
    {
        Async = true,
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>True when <paramref name="stream"/> holds an XML document whose root is <c>&lt;xliff&gt;</c>; the stream is rewound.</summary>
    public static bool IsXliff(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var start = stream.Position;
        try
        {
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, CloseInput = false });
            return reader.MoveToContent() == XmlNodeType.Element && reader.LocalName == "xliff";
        }
        catch (XmlException)
        {
            return false;
        }
        finally
        {
            stream.Position = start;
        }
    }

    /// <summary>Reads the confirmed segments of the XLIFF document in <paramref name="stream"/>.</summary>
    /// <param name="stream">The XLIFF 1.2 document.</param>
    /// <param name="defaultReviewer">The reviewer to record (XLIFF 1.2 names none per unit).</param>
    /// <param name="changedAt">When the translator's decisions were made: the file's time stamp.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <exception cref="InvalidDataException">Not XLIFF 1.2, not well-formed, a unit without languages, or a unit whose source changed.</exception>
    public static async Task<IReadOnlyList<ReviewCorrection>> ReadAsync(
        Stream stream, string? defaultReviewer, DateTimeOffset changedAt, CancellationToken cancellationToken)
    {
        var corrections = new List<ReviewCorrection>();
        try
        {
            using var reader = XmlReader.Create(stream, Settings);
            string? sourceLanguage = null, targetLanguage = null;
            await reader.MoveToContentAsync();
            if (reader.LocalName != "xliff" || (reader.NamespaceURI.Length > 0 && reader.NamespaceURI != XliffWriter.Namespace))
            {
                throw new InvalidDataException($"not an XLIFF 1.2 file (root <{reader.Name}> in namespace '{reader.NamespaceURI}'); export XLIFF 1.2");
            }

            while (!reader.EOF)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (reader.NodeType == XmlNodeType.Element && IsXliff(reader.NamespaceURI) && reader.LocalName == "file")
                {
                    sourceLanguage = reader.GetAttribute("source-language");
                    targetLanguage = reader.GetAttribute("target-language");
                    await reader.ReadAsync();
                }
                else if (reader.NodeType == XmlNodeType.Element && IsXliff(reader.NamespaceURI) && reader.LocalName == "trans-unit")
                {
                    var unit = (XElement)await XNode.ReadFromAsync(reader, cancellationToken);
                    corrections.AddRange(Corrections(unit, sourceLanguage, targetLanguage, defaultReviewer, changedAt));
                }
                else
                {
                    await reader.ReadAsync();
                }
            }
        }
        catch (XmlException e)
        {
            throw new InvalidDataException($"XLIFF is not well-formed XML: {e.Message}", e);
        }

        return corrections;
    }

    private static IEnumerable<ReviewCorrection> Corrections(
        XElement unit, string? fileSourceLanguage, string? fileTargetLanguage, string? reviewer, DateTimeOffset changedAt)
    {
        var id = (string?)unit.Attribute("id") ?? "(no id)";
        var name = unit.Name.Namespace;
        var source = unit.Element(name + "source");
        var segSource = unit.Element(name + "seg-source");
        var target = unit.Element(name + "target");
        var sourceMarks = segSource is null ? [] : Marks(segSource);
        CheckSource(id, unit, source, segSource, sourceMarks);
        if (target is null || !IsConfirmed(unit, target))
        {
            yield break;
        }

        var sourceLanguage = Blank(source?.Attribute(XNamespace.Xml + "lang")?.Value) ?? Blank(fileSourceLanguage)
            ?? throw new InvalidDataException($"trans-unit {id}: no source language (source-language on <file>)");
        var targetLanguage = Blank(target.Attribute(XNamespace.Xml + "lang")?.Value) ?? Blank(fileTargetLanguage)
            ?? throw new InvalidDataException($"trans-unit {id}: no target language (target-language on <file>)");

        // Without <seg-source> the unit is one segment, and its alt-trans carry no mid.
        var targetMarks = Marks(target);
        IEnumerable<(string? Mid, string Source, string? Target)> segments = sourceMarks.Count > 0
            ? sourceMarks.Select(m => ((string?)m.Mid, m.Text, (string?)targetMarks.FirstOrDefault(t => t.Mid == m.Mid).Text))
            : [(null, Text(source!), Text(target))];
        foreach (var (mid, sourceText, targetText) in segments)
        {
            var key = ReviewStatus.KeyOf(targetText ?? "");
            if (ReviewStatus.KeyOf(sourceText).Length == 0 || key.Length == 0 || key == ReviewStatus.KeyOf(sourceText))
            {
                continue; // No source to key by, no translation, or the source copied over untranslated.
            }

            var candidates = unit.Elements(name + "alt-trans")
                .Where(a => (string?)a.Attribute("mid") == mid)
                .Select(a => a.Element(name + "target"))
                .OfType<XElement>();
            var status = candidates.Any(c => ReviewStatus.KeyOf(Text(c)) == key) ? ReviewStatus.Accepted : ReviewStatus.Corrected;
            yield return new ReviewCorrection(sourceLanguage, targetLanguage, sourceText, targetText!, status, reviewer, changedAt);
        }
    }

    private static void CheckSource(string id, XElement unit, XElement? source, XElement? segSource, List<(string Mid, string Text)> marks)
    {
        if (source is null)
        {
            throw new InvalidDataException($"trans-unit {id}: no <source>");
        }

        var extradata = (string?)unit.Attribute("extradata");
        if (extradata is null || !extradata.StartsWith(XliffWriter.FingerprintPrefix, StringComparison.Ordinal))
        {
            return; // Not a unit Bilingual wrote: nothing to compare its source with.
        }

        if (segSource is null
            || extradata[XliffWriter.FingerprintPrefix.Length..] != XliffWriter.SourceFingerprint(marks)
            || ReviewStatus.KeyOf(Text(source)) != ReviewStatus.KeyOf(Text(segSource)))
        {
            throw new InvalidDataException(
                $"trans-unit {id}: its source is not the one Bilingual wrote (a source segment was edited, split or joined), " +
                "so its translation cannot be stored for the original; undo the source change or write the XLIFF again from the article");
        }
    }

    private static bool IsConfirmed(XElement unit, XElement target) =>
        (string?)unit.Attribute("approved") == "yes" || ConfirmedStates.Contains((string?)target.Attribute("state") ?? "");

    /// <summary>The <c>&lt;mrk mtype="seg"&gt;</c> segments under <paramref name="element"/> (Trados nests them in <c>&lt;g&gt;</c>), in order.</summary>
    private static List<(string Mid, string Text)> Marks(XElement element) =>
        [.. element.Descendants(element.Name.Namespace + "mrk")
            .Where(m => (string?)m.Attribute("mtype") == "seg")
            .Select(m => ((string?)m.Attribute("mid") ?? "", Text(m)))];

    /// <summary>The text of <paramref name="element"/>: its XLIFF text nodes, without native codes or foreign elements.</summary>
    private static string Text(XElement element) =>
        string.Concat(element.DescendantNodes().OfType<XText>().Where(t => Counts(t, element)).Select(t => t.Value));

    private static bool Counts(XText text, XElement root)
    {
        for (var parent = text.Parent; parent is not null && parent != root; parent = parent.Parent)
        {
            if (!IsXliff(parent.Name.NamespaceName) || CodeElements.Contains(parent.Name.LocalName))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsXliff(string namespaceName) => namespaceName.Length == 0 || namespaceName == Xliff.NamespaceName;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
