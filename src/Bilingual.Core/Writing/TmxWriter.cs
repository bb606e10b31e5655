using System.Globalization;
using System.Text;
using System.Xml;
using Bilingual.Core.Documents;
using Bilingual.Core.Review;
using Bilingual.Core.Text;

namespace Bilingual.Core.Writing;

/// <summary>
/// Writes <c>&lt;Name&gt;.tmx</c>: a TMX 1.4b translation memory with one <c>&lt;tu&gt;</c> per bead that has
/// text on both sides, for CAT tools (OmegaT, Trados, memoQ) and for translate-toolkit.
/// </summary>
/// <remarks>
/// <para>
/// Beads with an empty side (1-0, 0-1, or a side that is empty once cleaned) are left out and counted in
/// the header property <c>x-skipped-beads</c>. The DTD allows a <c>&lt;tu&gt;</c> with a single
/// <c>&lt;tuv&gt;</c>, but no tool can use one: OmegaT ignores a unit without a variant in the project's
/// target language, and translate-toolkit takes the first variant as the source and the second as the
/// target by position, so a lone English variant of a 0-1 bead would come back as an English source.
/// </para>
/// <para>
/// A word-by-word gloss (<see cref="Provenance.IsGloss"/>, the offline backend) is not a translation, and a CAT tool
/// given a TMX takes its units as matches: OmegaT fills every segment that matches one exactly with its target. So a
/// gloss's beads are left out, counted in the header property <c>x-gloss-beads</c>, unless a reviewer accepted or
/// corrected them; a gloss's TMX holds only the reviewers' translations (none before review), and its XLIFF
/// carries the gloss as a reference <c>alt-trans</c> only. OmegaT 3.6 has no machine-translation memory folder
/// (its <c>tm/mt/</c> came later), so a TMX marked for one would still be used as a memory there.
/// </para>
/// <para>
/// Each unit carries, before its variants: <c>x-document</c>, <c>x-paragraph</c> (0-based), <c>x-alignment</c>
/// (the bead kind, <c>2-1</c>), <c>x-backend</c>, <c>x-backend-version</c>, <c>x-score</c> (the bead's
/// confidence), <c>x-date</c> (the article's date) when known, <c>x-gloss</c> on a gloss's reviewed
/// units, <c>x-status</c> and a <c>&lt;note&gt;</c> with the comment when the bead was reviewed.
/// The <c>tuid</c> is <c>&lt;Name&gt;-p&lt;paragraph&gt;-b&lt;bead&gt;</c>, both 0-based, so it stays stable
/// across runs of the same alignment.
/// </para>
/// </remarks>
internal sealed class TmxWriter(string creationToolVersion) : XmlFileWriter(".tmx", creationToolVersion)
{
    private static readonly XmlWriterSettings Settings = XmlOutput.Settings(indent: true);

    /// <summary>Creates a writer that states the informational version of this assembly.</summary>
    public TmxWriter()
        : this(XmlOutput.ToolVersion())
    {
    }

    /// <inheritdoc />
    internal override byte[] Render(BilingualDocument document)
    {
        var (units, skipped, glosses) = Units(document);
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            xml.WriteStartDocument();
            // No <!DOCTYPE tmx SYSTEM "tmx14.dtd">: that relative name points beside the file, where no DTD is,
            // and validators then warn on every file. Validation names the DTD itself (xmllint --dtdvalid);
            // OmegaT and translate-toolkit do not read it.
            xml.WriteStartElement("tmx");
            xml.WriteAttributeString("version", "1.4");
            WriteHeader(xml, document, skipped, glosses);
            xml.WriteStartElement("body");
            foreach (var unit in units)
            {
                WriteUnit(xml, document, unit);
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private void WriteHeader(XmlWriter xml, BilingualDocument document, int skipped, int glosses)
    {
        // TMX 1.4b §3.1: the seven required header attributes.
        xml.WriteStartElement("header");
        xml.WriteAttributeString("creationtool", "Bilingual");
        xml.WriteAttributeString("creationtoolversion", TmxText.Clean(ToolVersion));
        xml.WriteAttributeString("segtype", "sentence");
        xml.WriteAttributeString("o-tmf", "Bilingual");
        xml.WriteAttributeString("adminlang", "en");
        xml.WriteAttributeString("srclang", LanguageTag.Normalize(TmxText.Clean(document.SourceLanguage)));
        xml.WriteAttributeString("datatype", "plaintext");
        xml.WriteAttributeString("creationdate", TmxDate(document.CreatedAt));
        WriteProperty(xml, "x-skipped-beads", skipped.ToString(CultureInfo.InvariantCulture));
        if (document.Provenance.IsGloss)
        {
            WriteProperty(xml, "x-gloss-beads", glosses.ToString(CultureInfo.InvariantCulture));
        }

        xml.WriteEndElement();
    }

    private static void WriteUnit(XmlWriter xml, BilingualDocument document, Unit unit)
    {
        var (paragraph, beadIndex, bead, source, target) = unit;
        xml.WriteStartElement("tu");
        xml.WriteAttributeString("tuid", TmxText.Clean($"{document.Name}-p{paragraph.Index}-b{beadIndex}"));
        xml.WriteAttributeString("creationdate", TmxDate(document.CreatedAt));
        if (bead.Review is { } review)
        {
            if (!string.IsNullOrWhiteSpace(review.Reviewer))
            {
                xml.WriteAttributeString("changeid", TmxText.Clean(review.Reviewer));
            }

            xml.WriteAttributeString("changedate", TmxDate(review.ChangedAt));
        }

        WriteProperty(xml, "x-document", document.Name);
        WriteProperty(xml, "x-paragraph", paragraph.Index.ToString(CultureInfo.InvariantCulture));
        WriteProperty(xml, "x-alignment", bead.Kind);
        WriteProperty(xml, "x-backend", document.Provenance.Backend);
        WriteProperty(xml, "x-backend-version", document.Provenance.Version);
        if (double.IsFinite(bead.Confidence))
        {
            WriteProperty(xml, "x-score", Math.Clamp(bead.Confidence, 0, 1).ToString("0.00#", CultureInfo.InvariantCulture));
        }

        if (document.Metadata.Date is { } date)
        {
            WriteProperty(xml, "x-date", date);
        }

        if (document.Provenance.IsGloss)
        {
            WriteProperty(xml, "x-gloss", "true");
        }

        if (bead.Review is { } mark)
        {
            WriteProperty(xml, "x-status", mark.Status);
            if (TmxText.Clean(mark.Comment) is { Length: > 0 } comment)
            {
                xml.WriteElementString("note", comment);
            }
        }

        // The source variant first: translate-toolkit reads variants by position.
        WriteVariant(xml, document.SourceLanguage, source);
        WriteVariant(xml, document.TargetLanguage, target);
        xml.WriteEndElement();
    }

    private static void WriteVariant(XmlWriter xml, string language, string text)
    {
        xml.WriteStartElement("tuv");
        // TMX 1.4b: xml:lang is an RFC 3066 code, written here in BCP 47 case (en-GB) so srclang and xml:lang agree.
        xml.WriteAttributeString("xml", "lang", null, LanguageTag.Normalize(TmxText.Clean(language)));
        xml.WriteElementString("seg", text);
        xml.WriteEndElement();
    }

    private static void WriteProperty(XmlWriter xml, string type, string value)
    {
        xml.WriteStartElement("prop");
        xml.WriteAttributeString("type", type);
        xml.WriteString(TmxText.Clean(value));
        xml.WriteEndElement();
    }

    private static (List<Unit> Units, int Skipped, int Glosses) Units(BilingualDocument document)
    {
        var units = new List<Unit>();
        var skipped = 0;
        var glosses = 0;
        foreach (var paragraph in document.Paragraphs)
        {
            for (var b = 0; b < paragraph.Beads.Count; b++)
            {
                var bead = paragraph.Beads[b];
                var source = XmlOutput.BeadText(paragraph.SourceSegments, bead.Source, paragraph.Index, "source");
                var target = XmlOutput.BeadText(paragraph.TargetSegments, bead.Target, paragraph.Index, "target");
                if (source.Length == 0 || target.Length == 0)
                {
                    skipped++;
                    continue;
                }

                if (document.Provenance.IsGloss && bead.Review?.Status is not (ReviewStatus.Accepted or ReviewStatus.Corrected))
                {
                    glosses++;
                    continue;
                }

                units.Add(new Unit(paragraph, b, bead, source, target));
            }
        }

        return (units, skipped, glosses);
    }

    // TMX 1.4b §3.1 (creationdate): YYYYMMDDThhmmssZ, always UTC.
    private static string TmxDate(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private sealed record Unit(AlignedParagraph Paragraph, int BeadIndex, Bead Bead, string Source, string Target);
}
