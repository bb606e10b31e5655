using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Bilingual.Core.Documents;
using Bilingual.Core.Review;
using Bilingual.Core.Text;

namespace Bilingual.Core.Writing;

/// <summary>
/// Writes <c>&lt;Name&gt;.xlf</c>: an XLIFF 1.2 file (valid against the OASIS strict schema) for translators
/// who review in their own CAT tool (OmegaT, Trados, memoQ), which <c>bilingual review apply</c> takes back.
/// </summary>
/// <remarks>
/// <para>
/// One <c>&lt;trans-unit&gt;</c> per paragraph, <c>id="p&lt;paragraph&gt;"</c> (0-based, stable across runs of the
/// same article), <c>xml:space="preserve"</c>, <c>restype="x-heading"</c> on headings. XLIFF 1.2 pairs segments
/// one to one by <c>mid</c>, while a bead may join several sentences on either side, so the segment is the bead:
/// <c>&lt;seg-source&gt;</c> holds one <c>&lt;mrk mtype="seg" mid="b&lt;bead&gt;"&gt;</c> per bead with its
/// source sentences (a 2-1 bead's two sentences in one <c>mrk</c>), and the target one <c>mrk</c> with the same
/// <c>mid</c> and the bead's target sentences. A 1-0 bead has an empty target <c>mrk</c>, a 0-1 bead an empty
/// source <c>mrk</c>; for a 1-1 bead, the common case, a segment is a sentence.
/// </para>
/// <para>
/// The target's <c>state</c> is the least confirmed of its beads: a gloss not confirmed by a reviewer gives
/// <c>needs-translation</c>, with a copy of the source in the target <c>mrk</c> (OmegaT's XLIFF filter
/// translates the target's text, as Okapi's Rainbow prepares files for it) and the gloss only as an
/// <c>&lt;alt-trans alttranstype="reference"&gt;</c>, so no CAT tool takes it for a translation; a bead a
/// reviewer queried gives <c>needs-review-translation</c>; machine translation <c>needs-review-translation</c>
/// with <c>state-qualifier="mt-suggestion"</c>; a human translation (the align job) <c>translated</c>; beads
/// all accepted or corrected by a reviewer <c>signed-off</c> with <c>approved="yes"</c>.
/// </para>
/// <para>
/// Each backend's candidate is an <c>&lt;alt-trans mid origin&gt;</c> (origin: the backend name) for the bead's
/// <c>mid</c>; a reviewer's correction has none, as it came from no backend. No <c>match-quality</c> is written:
/// it is a memory match's percentage, machine translation has none, and the bead's confidence measures the
/// alignment, not the translation. QA flags (<c>from="bilingual-qa"</c>) and reviewers' decisions and comments
/// (<c>from</c> the reviewer) are <c>&lt;note annotates="target"&gt;</c>s that start with the bead's <c>mid</c>.
/// The unit's <c>extradata</c> is a fingerprint of its source segments (<see cref="SourceFingerprint"/>), by
/// which <c>review apply</c> refuses a unit whose source was changed.
/// </para>
/// </remarks>
internal sealed class XliffWriter(string toolVersion) : XmlFileWriter(".xlf", toolVersion)
{
    /// <summary>The XLIFF 1.2 namespace.</summary>
    public const string Namespace = "urn:oasis:names:tc:xliff:document:1.2";

    /// <summary>The prefix of the <c>extradata</c> value that carries the source fingerprint.</summary>
    public const string FingerprintPrefix = "bilingual-source-sha256:";

    /// <summary>The <c>from</c> of the notes that carry QA flags.</summary>
    public const string QualityNoteFrom = "bilingual-qa";

    // The writer's own indentation would also indent between a target's <mrk>s, inside text that
    // xml:space="preserve" keeps; the line breaks between elements are written by Indent() instead.
    private static readonly XmlWriterSettings Settings = XmlOutput.Settings(indent: false);

    /// <summary>Creates a writer that states the informational version of this assembly.</summary>
    public XliffWriter()
        : this(XmlOutput.ToolVersion())
    {
    }

    /// <summary>
    /// The fingerprint of a unit's source segments: the first 16 bytes of SHA-256, in hex, over each segment's
    /// <c>mid</c> and its text in <see cref="ReviewStatus.KeyOf"/> form, so whitespace a tool reflows does not count.
    /// </summary>
    public static string SourceFingerprint(IEnumerable<(string Mid, string Text)> segments)
    {
        var builder = new StringBuilder();
        foreach (var (mid, text) in segments)
        {
            builder.Append(mid).Append('\t').Append(ReviewStatus.KeyOf(text)).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())).AsSpan(0, 16));
    }

    /// <inheritdoc />
    internal override byte[] Render(BilingualDocument document)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteWhitespace("\n");
            xml.WriteStartElement("xliff", Namespace);
            xml.WriteAttributeString("version", "1.2");
            Indent(xml, 1);
            xml.WriteStartElement("file", Namespace);
            xml.WriteAttributeString("original", TmxText.Clean($"{document.Name}.txt"));
            xml.WriteAttributeString("source-language", Language(document.SourceLanguage));
            xml.WriteAttributeString("target-language", Language(document.TargetLanguage));
            xml.WriteAttributeString("datatype", "plaintext");
            xml.WriteAttributeString("date", document.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            xml.WriteAttributeString("tool-id", "bilingual");
            WriteHeader(xml, document);
            Indent(xml, 2);
            xml.WriteStartElement("body", Namespace);
            foreach (var paragraph in document.Paragraphs)
            {
                WriteUnit(xml, document, paragraph);
            }

            Indent(xml, 2);
            xml.WriteEndElement();
            Indent(xml, 1);
            xml.WriteEndElement();
            Indent(xml, 0);
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private void WriteHeader(XmlWriter xml, BilingualDocument document)
    {
        Indent(xml, 2);
        xml.WriteStartElement("header", Namespace);
        Indent(xml, 3);
        xml.WriteStartElement("tool", Namespace);
        xml.WriteAttributeString("tool-id", "bilingual");
        xml.WriteAttributeString("tool-name", "Bilingual");
        xml.WriteAttributeString("tool-version", TmxText.Clean(ToolVersion));
        xml.WriteEndElement();
        var provenance = document.Provenance;
        var about = new StringBuilder().Append(CultureInfo.InvariantCulture, $"backend {provenance.Backend} {provenance.Version}");
        if (document.Metadata.Date is { } date)
        {
            about.Append(CultureInfo.InvariantCulture, $"; article date {date}");
        }

        WriteNote(xml, 3, "bilingual", null, TmxText.Clean(about.ToString()));
        if (provenance.IsGloss)
        {
            WriteNote(xml, 3, "bilingual", null,
                "The machine output is a word-by-word gloss from the offline dictionary backend, not a translation: " +
                "segments no reviewer confirmed are in state needs-translation, with the source copied into the target " +
                "and the gloss only as a reference alt-trans.");
        }

        Indent(xml, 2);
        xml.WriteEndElement();
    }

    private static void WriteUnit(XmlWriter xml, BilingualDocument document, AlignedParagraph paragraph)
    {
        var segments = Segments(document, paragraph);
        if (segments.All(s => s.Source.Length == 0))
        {
            return; // A paragraph with no source text has nothing to translate.
        }

        var (state, qualifier, approved) = State(document, segments);
        Indent(xml, 3);
        xml.WriteStartElement("trans-unit", Namespace);
        xml.WriteAttributeString("id", $"p{paragraph.Index.ToString(CultureInfo.InvariantCulture)}");
        if (approved)
        {
            xml.WriteAttributeString("approved", "yes");
        }

        if (paragraph.IsHeading)
        {
            xml.WriteAttributeString("restype", "x-heading");
        }

        xml.WriteAttributeString("extradata", FingerprintPrefix + SourceFingerprint(segments.Select(s => (s.Mid, s.Source))));
        xml.WriteAttributeString("xml", "space", null, "preserve");

        Indent(xml, 4);
        xml.WriteStartElement("source", Namespace);
        xml.WriteAttributeString("xml", "lang", null, Language(document.SourceLanguage));
        xml.WriteString(Joined(segments.Select(s => s.Source)));
        xml.WriteEndElement();

        Indent(xml, 4);
        xml.WriteStartElement("seg-source", Namespace);
        WriteMarks(xml, segments.Select(s => (s.Mid, s.Source)));
        xml.WriteEndElement();

        Indent(xml, 4);
        xml.WriteStartElement("target", Namespace);
        xml.WriteAttributeString("xml", "lang", null, Language(document.TargetLanguage));
        xml.WriteAttributeString("state", state);
        if (qualifier is not null)
        {
            xml.WriteAttributeString("state-qualifier", qualifier);
        }

        WriteMarks(xml, segments.Select(s => (s.Mid, s.Target)));
        xml.WriteEndElement();

        foreach (var segment in segments)
        {
            foreach (var flag in segment.Bead.Flags)
            {
                WriteNote(xml, 4, QualityNoteFrom, "2", TmxText.Clean($"{segment.Mid} {flag.KindName}: {flag.Message}"));
            }

            if (segment.Bead.Review is { } review)
            {
                var comment = TmxText.Clean(review.Comment);
                WriteNote(xml, 4, Blank(TmxText.Clean(review.Reviewer)) ?? "reviewer", "1",
                    TmxText.Clean($"{segment.Mid} {review.Status}{(comment.Length > 0 ? ": " + comment : "")}"));
            }
        }

        foreach (var segment in segments.Where(s => s.Candidate.Length > 0))
        {
            Indent(xml, 4);
            xml.WriteStartElement("alt-trans", Namespace);
            xml.WriteAttributeString("mid", segment.Mid);
            xml.WriteAttributeString("origin", TmxText.Clean(document.Provenance.Backend));
            if (document.Provenance.IsGloss)
            {
                // XLIFF 1.2: "reference" is for reference only, where a "proposal" (the default) offers itself as the translation.
                xml.WriteAttributeString("alttranstype", "reference");
            }

            Indent(xml, 5);
            xml.WriteStartElement("target", Namespace);
            xml.WriteAttributeString("xml", "lang", null, Language(document.TargetLanguage));
            xml.WriteString(segment.Candidate);
            xml.WriteEndElement();
            if (document.Provenance.IsGloss)
            {
                WriteNote(xml, 5, "bilingual", null, "word-by-word gloss, not a translation");
            }

            Indent(xml, 4);
            xml.WriteEndElement();
        }

        Indent(xml, 3);
        xml.WriteEndElement();
    }

    private static void WriteMarks(XmlWriter xml, IEnumerable<(string Mid, string Text)> marks)
    {
        var written = false;
        foreach (var (mid, text) in marks)
        {
            // The space between segments is part of the text (xml:space="preserve"); an empty segment takes none.
            if (written && text.Length > 0)
            {
                xml.WriteString(" ");
            }

            xml.WriteStartElement("mrk", Namespace);
            xml.WriteAttributeString("mtype", "seg");
            xml.WriteAttributeString("mid", mid);
            xml.WriteString(text);
            xml.WriteEndElement();
            written |= text.Length > 0;
        }
    }

    private static void WriteNote(XmlWriter xml, int depth, string from, string? priority, string text)
    {
        Indent(xml, depth);
        xml.WriteStartElement("note", Namespace);
        xml.WriteAttributeString("from", from);
        if (priority is not null)
        {
            xml.WriteAttributeString("priority", priority);
        }

        xml.WriteAttributeString("annotates", from == "bilingual" ? "general" : "target");
        xml.WriteString(text);
        xml.WriteEndElement();
    }

    private static void Indent(XmlWriter xml, int depth) => xml.WriteWhitespace("\n" + new string(' ', 2 * depth));

    /// <summary>The least confirmed bead decides: see the class remarks.</summary>
    private static (string State, string? Qualifier, bool Approved) State(BilingualDocument document, IReadOnlyList<XliffSegment> segments)
    {
        var unconfirmed = segments.Where(s => !IsConfirmed(s.Bead)).ToList();
        var machine = document.Provenance.Backend != "human";
        var unreviewedMachine = machine && unconfirmed.Any(s => s.Bead.Review is null);
        if (document.Provenance.IsGloss && unconfirmed.Count > 0)
        {
            return ("needs-translation", null, false);
        }

        if (unconfirmed.Any(s => s.Bead.Review is not null))
        {
            return ("needs-review-translation", unreviewedMachine ? "mt-suggestion" : null, false);
        }

        if (unreviewedMachine)
        {
            return ("needs-review-translation", "mt-suggestion", false);
        }

        return unconfirmed.Count > 0 ? ("translated", null, false) : ("signed-off", null, true);
    }

    private static bool IsConfirmed(Bead bead) => bead.Review?.Status is ReviewStatus.Accepted or ReviewStatus.Corrected;

    private static List<XliffSegment> Segments(BilingualDocument document, AlignedParagraph paragraph)
    {
        var segments = new List<XliffSegment>(paragraph.Beads.Count);
        for (var b = 0; b < paragraph.Beads.Count; b++)
        {
            var bead = paragraph.Beads[b];
            var source = XmlOutput.BeadText(paragraph.SourceSegments, bead.Source, paragraph.Index, "source");
            var target = XmlOutput.BeadText(paragraph.TargetSegments, bead.Target, paragraph.Index, "target");
            var mid = $"b{b.ToString(CultureInfo.InvariantCulture)}";
            if (document.Provenance.IsGloss && !IsConfirmed(bead))
            {
                // The gloss goes into the reference alt-trans only; the target gets the source to translate.
                segments.Add(new XliffSegment(mid, bead, source, source, target));
            }
            else
            {
                // A reviewer's correction came from no backend, so it is no backend's candidate.
                var candidate = bead.Review?.Status == ReviewStatus.Corrected ? "" : target;
                segments.Add(new XliffSegment(mid, bead, source, target, candidate));
            }
        }

        return segments;
    }

    private static string Joined(IEnumerable<string> texts) => string.Join(' ', texts.Where(t => t.Length > 0));

    private static string Language(string tag) => LanguageTag.Normalize(TmxText.Clean(tag));

    private static string? Blank(string value) => value.Length == 0 ? null : value;

    /// <summary>One bead as an XLIFF segment: its <c>mid</c>, source, target and the backend's candidate (empty for none).</summary>
    private sealed record XliffSegment(string Mid, Bead Bead, string Source, string Target, string Candidate);
}
