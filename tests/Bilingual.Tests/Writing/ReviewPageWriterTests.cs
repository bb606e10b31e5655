using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bilingual.Core.Documents;
using Bilingual.Core.Review;
using Bilingual.Core.Writing;
using Bilingual.Tests.Review;
using Microsoft.Extensions.Options;

namespace Bilingual.Tests.Writing;

public sealed partial class ReviewPageWriterTests : DocumentWriterContractTests
{
    private static readonly Dictionary<string, string> Glossary = new(StringComparer.Ordinal) { ["Poetin"] = "Putin", ["Kiev"] = "Kyiv" };

    internal static ReviewPageWriter Writer() => new(Options.Create(new ReviewOptions()));

    /// <summary>The review step's checks on <paramref name="document"/>, as the pipeline runs them before the page is written.</summary>
    internal static BilingualDocument Checked(BilingualDocument document) =>
        new QualityChecker(Glossary, new ReviewOptions()).CheckBeads(document);

    protected override IDocumentWriter CreateWriter() => Writer();

    protected override string ExpectedFileName(BilingualDocument document) => document.Name + ".html";

    /// <summary>What a reader sees: the body without its scripts, tags gone, entities decoded.</summary>
    protected override async Task<string> ReadBackTextAsync(string path)
    {
        var html = await File.ReadAllTextAsync(path);
        var body = html[html.IndexOf("<body", StringComparison.Ordinal)..];
        body = Regex.Replace(body, "<script.*?</script>", "", RegexOptions.Singleline);
        return WebUtility.HtmlDecode(Regex.Replace(body, "<[^>]+>", ""));
    }

    private static string Render(BilingualDocument document) => Writer().Render(Checked(document));

    private static string Row(string html, string id) => RowPattern().Matches(html).Single(m => m.Groups["id"].Value == id).Value;

    private static JsonElement Data(string html) =>
        JsonDocument.Parse(DataPattern().Match(html).Groups["json"].Value).RootElement;

    [Fact]
    public void Render_Belarus_HasOneRowPerBeadWithLanguagesAndHeadings()
    {
        var document = ReviewSampleDocuments.Belarus();
        var html = Render(document);

        var beads = document.Paragraphs.Sum(p => p.Beads.Count);
        Assert.Equal(beads, RowPattern().Count(html));
        Assert.Equal(beads, Regex.Count(html, "<td class=\"src\" lang=\"nl\">"));
        Assert.Equal(beads, Regex.Count(html, "<td class=\"tgt\" lang=\"en\">"));
        Assert.Equal(document.Paragraphs.Count, Regex.Count(html, "<tr class=\"para-head\">"));
        Assert.Contains("class=\"row heading\" id=\"row-p3-b0\"", html, StringComparison.Ordinal);
        Assert.Contains("Kernwapens", Row(html, "p3-b0"), StringComparison.Ordinal);
        Assert.Contains("Heading · 8", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Belarus_SummaryStatesRowsConfidenceBackendAndCache()
    {
        var document = ReviewSampleDocuments.Belarus();
        var html = Render(document);

        var average = document.Paragraphs.SelectMany(p => p.Beads).Average(b => b.Confidence).ToString("0.00", CultureInfo.InvariantCulture);
        Assert.Contains($"id=\"sum-rows\">{document.Paragraphs.Sum(p => p.Beads.Count)}<", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"sum-confidence\">{average}<", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Backend</dt><dd>azure 3.0</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Cache hits</dt><dd>10</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Backend calls</dt><dd>2</dd>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("gloss-banner", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Confidence_IsShownInColourBands()
    {
        var html = Render(ReviewSampleDocuments.Belarus());

        Assert.Contains("data-band=\"high\"", html, StringComparison.Ordinal);
        Assert.Contains("data-band=\"mid\"", html, StringComparison.Ordinal);
        Assert.Contains("data-band=\"low\"", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"conf band-low\"><span class=\"conf-val\">0.38</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Confidence_IsLabelledAsAlignmentNotTranslationQuality()
    {
        var html = Render(ReviewSampleDocuments.Belarus());

        Assert.Matches("<th scope=\"col\" class=\"conf\" title=\"How sure the aligner [^\"]*does not measure translation quality[^\"]*\">Alignment confidence</th>", html);
        Assert.Matches("<div class=\"card tone-[a-z]+\" title=\"How sure the aligner [^\"]*\"><h2>Alignment confidence</h2><p class=\"big\" id=\"sum-confidence\">", html);
        Assert.Matches("id=\"sum-confidence\">[0-9.]+</p><p class=\"note\">average · [0-9]+ below 0.5 · not translation quality</p>", html);
        Assert.DoesNotContain("Conf.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Issues_HighlightsFlagsInsideTheText()
    {
        var html = Render(ReviewSampleDocuments.BelarusWithIssues());

        var year = Row(html, "p1-b0");
        Assert.Contains("data-flags=\"number\"", year, StringComparison.Ordinal);
        Assert.Matches("<mark class=\"q-number\" title=\"Numbers differ: 1996 not in the target; 1995 not in the source\">1996</mark>", year);
        Assert.Matches("<mark class=\"q-number\"[^>]*>1995</mark>", year);
        Assert.Equal(2, Regex.Count(Row(html, "p0-b0"), "<mark class=\"q-glossary\"[^>]*>Poetin</mark>"));
        Assert.Contains("data-flags=\"quotes\"", Row(html, "p5-b2"), StringComparison.Ordinal);
        Assert.Contains("<li class=\"q-number\" data-kind=\"number\"><span class=\"dot\"></span>Number <b>1</b></li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MergedSentences_ShowAVisibleSeparatorAndTheBeadType()
    {
        var merged = Row(Render(ReviewSampleDocuments.BelarusWithIssues()), "p4-b1");

        Assert.Contains("<span class=\"kind-badge odd\">2-1</span>", merged, StringComparison.Ordinal);
        Assert.Contains("class=\"sep\"", merged, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Hostile_EncodesEverythingAsText()
    {
        var html = Render(ReviewSampleDocuments.Hostile());

        // The only script elements are the page's own data block and script.
        Assert.Equal(2, Regex.Count(html, "<script", RegexOptions.IgnoreCase));
        Assert.Equal(2, Regex.Count(html, "</script", RegexOptions.IgnoreCase));
        Assert.DoesNotContain("alert(1)</", html, StringComparison.Ordinal);
        // The "1" is flagged (a number missing from the target), so look past the highlight.
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", Regex.Replace(html, "</?mark[^>]*>", ""), StringComparison.Ordinal);
        Assert.Contains("&lt;/td&gt;&lt;td&gt;kapot.", html, StringComparison.Ordinal);
        Assert.Contains("&amp;amp; entiteit", html, StringComparison.Ordinal);
        Assert.Contains("&quot;A &amp; B&quot;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>vet</b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<!-- comm", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"ctl\" data-code=\"U+0001\" title=\"removed character U+0001\"></span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain('\u0001', html);
        Assert.DoesNotContain('\u0007', html);
        Assert.Contains("freedict &lt;1.0&gt; &amp; &quot;more&quot;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Hostile_EmbedsJsonThatCannotEndTheScriptElement()
    {
        var document = ReviewSampleDocuments.Hostile();
        var html = Render(document);
        var json = DataPattern().Match(html).Groups["json"].Value;

        Assert.DoesNotContain('<', json);
        Assert.DoesNotContain('>', json);
        Assert.DoesNotContain('&', json);
        Assert.DoesNotContain('\u2028', json);
        Assert.DoesNotContain('\u2029', json);
        var rows = Data(html).GetProperty("rows");
        Assert.Equal("<script>alert(1)</script>", rows[0].GetProperty("source").GetString());
        Assert.Equal(document.Paragraphs[1].TargetSegments[1].Text, rows[2].GetProperty("target").GetString());
    }

    [Fact]
    public void Render_Hostile_ShowsBeadTypesAndEmptySides()
    {
        var html = Render(ReviewSampleDocuments.Hostile());

        Assert.Contains("data-kind=\"2-1\"", html, StringComparison.Ordinal);
        Assert.Contains("data-kind=\"0-1\"", Row(html, "p1-b1"), StringComparison.Ordinal);
        Assert.Contains("<span class=\"empty\">(nothing)</span>", Row(html, "p1-b1"), StringComparison.Ordinal);
        Assert.Contains("data-flags=\"empty\"", Row(html, "p2-b0"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Gloss_SaysSoProminently()
    {
        var html = Render(ReviewSampleDocuments.Hostile());

        Assert.Contains("<div class=\"banner gloss\" role=\"note\" id=\"gloss-banner\"><strong>Word-by-word gloss, not a translation.</strong>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ContentSecurityPolicy_AllowsExactlyTheInlineStyleAndScript()
    {
        var html = Render(ReviewSampleDocuments.Belarus());

        var policy = Regex.Match(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">").Groups[1].Value;
        var style = Regex.Match(html, "<style>(.*?)</style>", RegexOptions.Singleline).Groups[1].Value;
        var script = Regex.Match(html, "<script>(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        Assert.StartsWith("default-src 'none';", policy, StringComparison.Ordinal);
        Assert.Contains($"style-src '{ReviewPageWriter.CspHash(style)}'", policy, StringComparison.Ordinal);
        Assert.Contains($"script-src '{ReviewPageWriter.CspHash(script)}'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("(?i)https?://|<link|<script src|@import", html);
        Assert.DoesNotContain("url(", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ReviewedBead_ShowsStatusReviewerAndComment()
    {
        var document = ReviewSampleDocuments.Belarus();
        var paragraph = document.Paragraphs[0];
        var beads = paragraph.Beads.ToArray();
        beads[1] = beads[1] with { Review = new ReviewMark("corrected", "anna <a>", new DateTimeOffset(2023, 4, 8, 9, 0, 0, TimeSpan.Zero), "fixed <i>") };
        document = document with { Paragraphs = [paragraph with { Beads = beads }, .. document.Paragraphs.Skip(1)] };

        var row = Row(Render(document), "p0-b1");

        Assert.Contains("data-status=\"corrected\"", row, StringComparison.Ordinal);
        Assert.Contains("<span class=\"status st-corrected\">Corrected</span><span class=\"who\">anna &lt;a&gt;, 2023-04-08</span><p class=\"comment\">fixed &lt;i&gt;</p>", row, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Digest_ChangesWithTheContent()
    {
        var plain = Data(Render(ReviewSampleDocuments.Belarus())).GetProperty("digest").GetString();
        var again = Data(Render(ReviewSampleDocuments.Belarus())).GetProperty("digest").GetString();
        var changed = Data(Render(ReviewSampleDocuments.BelarusWithIssues())).GetProperty("digest").GetString();

        Assert.Equal(plain, again);
        Assert.NotEqual(plain, changed);
    }

    [GeneratedRegex("<tr class=\"row[^\"]*\" id=\"row-(?<id>[^\"]+)\".*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<script type=\"application/json\" id=\"review-data\">(?<json>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex DataPattern();
}
