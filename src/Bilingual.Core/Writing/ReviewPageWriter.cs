using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using Bilingual.Core.Documents;
using Bilingual.Core.Review;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Writing;

/// <summary>
/// Writes <c>&lt;Name&gt;.html</c>: one self-contained page that shows every bead as a row, source beside
/// target, with its type, confidence and the quality flags the review step put on it, and lets a translator mark, comment on and correct
/// rows and export the changes (JSON) or a corrected TMX. Readable without JavaScript; no network access
/// (a strict Content-Security-Policy with hashes of the inline style and script).
/// </summary>
internal sealed partial class ReviewPageWriter(IOptions<ReviewOptions> options) : IDocumentWriter
{
    private static readonly Lazy<string> Style = new(() => Resource("review.css"));
    private static readonly Lazy<string> Script = new(() => Resource("review.js"));

    // Escapes <, >, &, quotes and U+2028/U+2029 but keeps other text readable in the page source.
    private static readonly JsonTypeInfo<PageData> PageDataInfo = (JsonTypeInfo<PageData>)new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        TypeInfoResolver = ReviewPageJsonContext.Default,
    }.GetTypeInfo(typeof(PageData));

    private readonly ReviewOptions _options = options.Value;

    /// <inheritdoc />
    public async Task<string> WriteAsync(BilingualDocument document, string outputDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        cancellationToken.ThrowIfCancellationRequested();
        var path = Path.Combine(outputDirectory, document.Name + ".html");
        await AtomicFile.WriteAllTextAsync(path, Render(document), cancellationToken);
        return path;
    }

    /// <summary>The page for <paramref name="document"/>.</summary>
    public string Render(BilingualDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var rows = ReviewPageRow.From(document);
        var digest = Digest(document, rows);
        var html = new StringBuilder(64 * 1024);
        var style = Style.Value;
        var script = Script.Value;

        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        // Nothing may be fetched: no network, no external scripts or fonts; the inline style and script run
        // only because their exact text hashes to what is listed here (CSP Level 2 §4.2 hash-source).
        html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
            .Append("style-src '").Append(CspHash(style)).Append("'; ")
            .Append("script-src '").Append(CspHash(script)).Append("'; ")
            .Append("img-src data:; base-uri 'none'; form-action 'none'\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<meta name=\"referrer\" content=\"no-referrer\">\n");
        html.Append("<meta name=\"generator\" content=\"Bilingual\">\n");
        html.Append("<title>Review · ").Append(ReviewPageHtml.Encode(document.Name)).Append("</title>\n");
        html.Append("<style>").Append(style).Append("</style>\n</head>\n");
        html.Append("<body class=\"nojs\" data-document=\"").Append(ReviewPageHtml.Encode(document.Name)).Append("\">\n");

        WriteHeader(html, document, rows);
        WriteToolbar(html);
        WriteTable(html, document, rows);

        html.Append("<script type=\"application/json\" id=\"review-data\">")
            .Append(DataBlock(document, rows, digest))
            .Append("</script>\n");
        html.Append("<script>").Append(script).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private void WriteHeader(StringBuilder html, BilingualDocument document, IReadOnlyList<ReviewPageRow> rows)
    {
        var provenance = document.Provenance;
        html.Append("<header class=\"page-head\">\n<div class=\"title\">\n<p class=\"eyebrow\">Bilingual review</p>\n<h1>")
            .Append(ReviewPageHtml.Encode(document.Name)).Append("</h1>\n<p class=\"sub\"><span class=\"lang\">")
            .Append(ReviewPageHtml.Encode(document.SourceLanguage)).Append("</span> → <span class=\"lang\">")
            .Append(ReviewPageHtml.Encode(document.TargetLanguage)).Append("</span>");
        if (document.Metadata.Date is { } date)
        {
            html.Append(" · dated ").Append(ReviewPageHtml.Encode(date));
        }

        html.Append(" · produced ").Append(ReviewPageHtml.Encode(document.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)))
            .Append("</p>\n</div>\n<dl class=\"meta\">\n");
        Meta(html, "Backend", $"{provenance.Backend} {provenance.Version}".Trim());
        Meta(html, "Backend calls", Invariant(provenance.BackendCalls));
        Meta(html, "Cache hits", Invariant(provenance.CacheHits));
        html.Append("</dl>\n</header>\n");

        if (provenance.IsGloss)
        {
            html.Append("<div class=\"banner gloss\" role=\"note\" id=\"gloss-banner\"><strong>Word-by-word gloss, not a translation.</strong> ")
                .Append("The target text was produced word by word from a dictionary (backend ")
                .Append(ReviewPageHtml.Encode(provenance.Backend))
                .Append("). Use it to follow the source, not as publishable English; its flags and lengths mean little.</div>\n");
        }

        var flagged = rows.Count(r => r.Flags.Count > 0);
        var reviewed = rows.Count(r => r.Review is not null);
        var average = rows.Count == 0 ? 0 : rows.Average(r => r.Confidence);
        html.Append("<section class=\"summary\" aria-label=\"Summary\">\n");
        Card(html, "sum-rows", "Rows", Invariant(rows.Count), $"{document.Paragraphs.Count} paragraphs");
        Card(html, "sum-confidence", ReviewPageHtml.ConfidenceLabel, average.ToString("0.00", CultureInfo.InvariantCulture),
            $"average · {rows.Count(r => Band(r.Confidence) == "low")} below {_options.LowConfidence.ToString("0.##", CultureInfo.InvariantCulture)} · not translation quality",
            Band(average), ReviewPageHtml.ConfidenceExplanation);
        Card(html, "sum-flagged", "Flagged rows", Invariant(flagged), $"{rows.Sum(r => r.Flags.Count)} flags", flagged > 0 ? "warn" : "ok");
        Card(html, "sum-reviewed", "Reviewed", Invariant(reviewed), $"of {rows.Count}");

        html.Append("<div class=\"card wide\"><h2>Flags by kind</h2><ul class=\"counts\" id=\"flag-counts\">");
        var byKind = rows.SelectMany(r => r.Flags).GroupBy(f => f.Kind).OrderBy(g => g.Key).ToList();
        if (byKind.Count == 0)
        {
            html.Append("<li class=\"none\">none</li>");
        }

        foreach (var group in byKind)
        {
            html.Append("<li class=\"q-").Append(group.First().KindName).Append("\" data-kind=\"").Append(group.First().KindName).Append("\"><span class=\"dot\"></span>")
                .Append(KindLabel(group.Key)).Append(" <b>").Append(Invariant(group.Count())).Append("</b></li>");
        }

        html.Append("</ul><h2>Bead types</h2><ul class=\"counts\" id=\"bead-counts\">");
        foreach (var group in rows.GroupBy(r => r.Kind).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            html.Append("<li>").Append(ReviewPageHtml.Encode(group.Key)).Append(" <b>").Append(Invariant(group.Count())).Append("</b></li>");
        }

        html.Append("</ul></div>\n</section>\n");
    }

    private static void WriteToolbar(StringBuilder html)
    {
        html.Append("""
            <noscript><p class="banner info">JavaScript is off: every row is shown and readable; marking, comments, edits, filters and export need JavaScript.</p></noscript>
            <div class="toolbar" id="toolbar" hidden>
            <input type="search" id="search" placeholder="Search source and target  ( / )" aria-label="Search source and target">
            <select id="filter-flag" aria-label="Filter by flag"><option value="">All rows</option><option value="any">Any flag</option><option value="none">No flag</option>
            """);
        foreach (var kind in Enum.GetValues<QualityFlagKind>())
        {
            html.Append("<option value=\"").Append(kind.ToString().ToLowerInvariant()).Append("\">").Append(KindLabel(kind)).Append("</option>");
        }

        html.Append("""
            </select>
            <select id="filter-status" aria-label="Filter by status"><option value="">Any status</option><option value="unreviewed">Unreviewed</option><option value="accepted">Accepted</option><option value="needs-review">Needs review</option><option value="corrected">Corrected</option></select>
            <select id="filter-confidence" aria-label="Filter by alignment confidence"><option value="">Any alignment confidence</option><option value="low">Low</option><option value="mid">Medium</option><option value="high">High</option></select>
            <span class="count" id="visible-count" aria-live="polite"></span>
            <span class="spacer"></span>
            <input type="text" id="reviewer" placeholder="Reviewer name" aria-label="Reviewer name" autocomplete="name">
            <button type="button" id="export-json">Export changes</button>
            <button type="button" id="export-tmx" class="primary">Export corrected TMX</button>
            <p class="keys">Keys: <kbd>j</kbd>/<kbd>k</kbd> next/previous row · <kbd>n</kbd>/<kbd>N</kbd> next/previous flag · <kbd>a</kbd> accept · <kbd>r</kbd> needs review · <kbd>e</kbd> edit · <kbd>c</kbd> comment · <kbd>/</kbd> search · <kbd>Esc</kbd> cancel</p>
            </div>

            """);
    }

    private void WriteTable(StringBuilder html, BilingualDocument document, IReadOnlyList<ReviewPageRow> rows)
    {
        var source = ReviewPageHtml.Encode(document.SourceLanguage);
        var target = ReviewPageHtml.Encode(document.TargetLanguage);
        html.Append("<main>\n<table class=\"rows\" id=\"rows\">\n<colgroup><col class=\"c-n\"><col class=\"c-id\"><col class=\"c-src\"><col class=\"c-tgt\"><col class=\"c-kind\"><col class=\"c-conf\"><col class=\"c-flags\"><col class=\"c-review\"></colgroup>\n")
            .Append("<thead><tr><th scope=\"col\" class=\"n\">#</th><th scope=\"col\" class=\"id\">Id</th><th scope=\"col\" class=\"src\">Source <span class=\"lang\">").Append(source)
            .Append("</span></th><th scope=\"col\" class=\"tgt\">Target <span class=\"lang\">").Append(target)
            .Append("</span></th><th scope=\"col\" class=\"kind\">Type</th><th scope=\"col\" class=\"conf\" title=\"").Append(ReviewPageHtml.Encode(ReviewPageHtml.ConfidenceExplanation)).Append("\">").Append(ReviewPageHtml.ConfidenceLabel)
            .Append("</th><th scope=\"col\" class=\"flags\">Flags</th><th scope=\"col\" class=\"review\">Review</th></tr></thead>\n");

        foreach (var paragraph in rows.GroupBy(r => r.Paragraph))
        {
            var first = paragraph.First();
            html.Append("<tbody class=\"para\" id=\"para-").Append(Invariant(paragraph.Key)).Append("\">\n<tr class=\"para-head\"><th colspan=\"8\" scope=\"rowgroup\">")
                .Append(first.IsHeading ? "Heading · " : "Paragraph ").Append(Invariant(paragraph.Key + 1)).Append("</th></tr>\n");
            foreach (var row in paragraph)
            {
                WriteRow(html, row, source, target);
            }

            html.Append("</tbody>\n");
        }

        html.Append("</table>\n</main>\n");
    }

    private void WriteRow(StringBuilder html, ReviewPageRow row, string source, string target)
    {
        var band = Band(row.Confidence);
        var kinds = string.Join(' ', row.Flags.Select(f => f.KindName).Distinct());
        html.Append("<tr class=\"row").Append(row.IsHeading ? " heading" : "").Append(row.Flags.Count > 0 ? " flagged" : "")
            .Append("\" id=\"row-").Append(row.Id).Append("\" data-id=\"").Append(row.Id)
            .Append("\" data-kind=\"").Append(row.Kind)
            .Append("\" data-band=\"").Append(band)
            .Append("\" data-flags=\"").Append(kinds)
            .Append("\" data-status=\"").Append(ReviewPageHtml.Encode(row.Review?.Status ?? ""))
            .Append("\" tabindex=\"-1\">\n");
        html.Append("<td class=\"n\">").Append(Invariant(row.Number)).Append("</td>");
        html.Append("<td class=\"id\"><a href=\"#row-").Append(row.Id).Append("\">").Append(row.Id).Append("</a></td>\n");
        html.Append("<td class=\"src\" lang=\"").Append(source).Append("\">");
        Sentences(html, row.SourceSentences, row.Flags, sourceSide: true);
        html.Append("</td>\n<td class=\"tgt\" lang=\"").Append(target).Append("\">");
        Sentences(html, row.TargetSentences, row.Flags, sourceSide: false);
        html.Append("</td>\n<td class=\"kind\"><span class=\"kind-badge").Append(row.Kind == "1-1" ? "" : " odd").Append("\">").Append(row.Kind).Append("</span></td>");
        var tenth = (int)Math.Round(Math.Clamp(row.Confidence, 0, 1) * 10, MidpointRounding.AwayFromZero);
        html.Append("<td class=\"conf band-").Append(band).Append("\"><span class=\"conf-val\">")
            .Append(row.Confidence.ToString("0.00", CultureInfo.InvariantCulture))
            .Append("</span><span class=\"conf-bar\" aria-hidden=\"true\"><span class=\"conf-fill w").Append(Invariant(tenth)).Append("\"></span></span></td>\n");
        html.Append("<td class=\"flags\">");
        if (row.Flags.Count > 0)
        {
            html.Append("<ul>");
            foreach (var flag in row.Flags)
            {
                html.Append("<li class=\"flag q-").Append(flag.KindName).Append("\"><b>").Append(KindLabel(flag.Kind)).Append("</b> ")
                    .Append(ReviewPageHtml.Encode(flag.Message)).Append("</li>");
            }

            html.Append("</ul>");
        }

        html.Append("</td>\n<td class=\"review\">");
        if (row.Review is { } review)
        {
            html.Append("<span class=\"status st-").Append(ReviewPageHtml.Encode(review.Status)).Append("\">").Append(ReviewPageHtml.Encode(StatusLabel(review.Status))).Append("</span>")
                .Append("<span class=\"who\">").Append(ReviewPageHtml.Encode(review.Reviewer ?? "unknown reviewer")).Append(", ")
                .Append(review.ChangedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</span>");
            if (review.Comment is { } comment)
            {
                html.Append("<p class=\"comment\">").Append(ReviewPageHtml.Encode(comment)).Append("</p>");
            }
        }

        html.Append("</td>\n</tr>\n");
    }

    /// <summary>Writes a bead's sentences with a visible separator between merged ones and the flagged spans marked.</summary>
    private static void Sentences(StringBuilder html, IReadOnlyList<string> sentences, IReadOnlyList<QualityFlag> flags, bool sourceSide)
    {
        if (sentences.Count == 0)
        {
            html.Append("<span class=\"empty\">(nothing)</span>");
            return;
        }

        // Spans are offsets into the sentences joined by single spaces, as the checker saw them.
        var joinedLength = sentences.Sum(s => s.Length) + sentences.Count - 1;
        var cover = new List<QualityFlag>?[joinedLength];
        foreach (var flag in flags)
        {
            foreach (var span in sourceSide ? flag.SourceSpans : flag.TargetSpans)
            {
                for (var i = Math.Max(0, span.Start); i < Math.Min(joinedLength, span.End); i++)
                {
                    (cover[i] ??= []).Add(flag);
                }
            }
        }

        var offset = 0;
        for (var s = 0; s < sentences.Count; s++)
        {
            if (s > 0)
            {
                html.Append(" <span class=\"sep\" title=\"Sentence boundary\" aria-label=\"sentence boundary\">‖</span> ");
                offset++;
            }

            var sentence = sentences[s];
            html.Append("<span class=\"s\">");
            var i = 0;
            while (i < sentence.Length)
            {
                var marks = cover[offset + i];
                var j = i + 1;
                while (j < sentence.Length && SameFlags(cover[offset + j], marks))
                {
                    j++;
                }

                if (marks is null)
                {
                    ReviewPageHtml.EncodeText(html, sentence.AsSpan(i, j - i));
                }
                else
                {
                    html.Append("<mark class=\"q-").Append(marks[0].KindName).Append("\" title=\"")
                        .Append(ReviewPageHtml.Encode(string.Join(" · ", marks.Select(m => m.Message).Distinct()))).Append("\">");
                    ReviewPageHtml.EncodeText(html, sentence.AsSpan(i, j - i));
                    html.Append("</mark>");
                }

                i = j;
            }

            html.Append("</span>");
            offset += sentence.Length;
        }
    }

    private static bool SameFlags(List<QualityFlag>? a, List<QualityFlag>? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.SequenceEqual(b));

    private string DataBlock(BilingualDocument document, IReadOnlyList<ReviewPageRow> rows, string digest)
    {
        var data = new PageData(
            document.Name,
            digest,
            document.SourceLanguage,
            document.TargetLanguage,
            document.CreatedAt.UtcDateTime,
            document.Provenance.Backend,
            document.Provenance.Version,
            document.Provenance.IsGloss,
            _options.LowConfidence,
            _options.HighConfidence,
            [.. rows.Select(r => new PageRow(
                r.Id,
                r.Number,
                r.Kind,
                Math.Round(r.Confidence, 4),
                WithoutLoneSurrogates(r.Source),
                WithoutLoneSurrogates(r.Target),
                [.. r.Flags.Select(f => f.KindName).Distinct()],
                r.Review is { } m ? new PageReview(m.Status, m.Reviewer, m.ChangedAt.UtcDateTime, m.Comment) : null))]);
        var json = JsonSerializer.Serialize(data, PageDataInfo);
        // The encoder escapes <, > and &; make sure no line or paragraph separator survives unescaped either.
        return json.Replace("\u2028", "\\u2028", StringComparison.Ordinal).Replace("\u2029", "\\u2029", StringComparison.Ordinal);
    }

    /// <summary>
    /// Drops lone surrogates, which JSON cannot carry (the encoder would turn them into U+FFFD, a character
    /// the memory's keys keep while they drop the surrogate itself).
    /// </summary>
    private static string WithoutLoneSurrogates(string text)
    {
        if (!text.Any(char.IsSurrogate))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(text[i]).Append(text[++i]);
            }
            else if (!char.IsSurrogate(text[i]))
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }

    /// <summary>A digest of the document's name and rows: review state saved in the browser applies only to this content.</summary>
    private static string Digest(BilingualDocument document, IReadOnlyList<ReviewPageRow> rows)
    {
        var text = new StringBuilder(document.Name);
        foreach (var row in rows)
        {
            text.Append('\u001e').Append(row.Id).Append('\u001f').Append(row.Source).Append('\u001f').Append(row.Target);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    /// <summary>The CSP hash-source of an inline element's exact text.</summary>
    internal static string CspHash(string content) =>
        "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    private string Band(double confidence) =>
        confidence < _options.LowConfidence ? "low" : confidence < _options.HighConfidence ? "mid" : "high";

    private static void Meta(StringBuilder html, string term, string value) =>
        html.Append("<div><dt>").Append(term).Append("</dt><dd>").Append(ReviewPageHtml.Encode(value)).Append("</dd></div>\n");

    private static void Card(StringBuilder html, string id, string label, string value, string note, string? tone = null, string? title = null)
    {
        html.Append("<div class=\"card").Append(tone is null ? "" : " tone-" + tone).Append('"');
        if (title is not null)
        {
            html.Append(" title=\"").Append(ReviewPageHtml.Encode(title)).Append('"');
        }

        html.Append("><h2>").Append(label)
            .Append("</h2><p class=\"big\" id=\"").Append(id).Append("\">").Append(ReviewPageHtml.Encode(value))
            .Append("</p><p class=\"note\">").Append(ReviewPageHtml.Encode(note)).Append("</p></div>\n");
    }

    private static string KindLabel(QualityFlagKind kind) => kind switch
    {
        QualityFlagKind.Number => "Number",
        QualityFlagKind.Glossary => "Glossary",
        QualityFlagKind.Untranslated => "Untranslated",
        QualityFlagKind.Quotes => "Quotes",
        QualityFlagKind.Brackets => "Brackets",
        QualityFlagKind.Punctuation => "Punctuation",
        QualityFlagKind.Length => "Length",
        QualityFlagKind.Empty => "Empty side",
        _ => kind.ToString(),
    };

    private static string StatusLabel(string status) => status switch
    {
        ReviewStatus.Accepted => "Accepted",
        ReviewStatus.NeedsReview => "Needs review",
        ReviewStatus.Corrected => "Corrected",
        _ => status,
    };

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Resource(string name)
    {
        var resource = $"Bilingual.Core.Writing.ReviewPage.{name}";
        using var stream = typeof(ReviewPageWriter).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource {resource} is missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        // Line endings are normalised so the CSP hash is the same whatever the checkout did to the file.
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>The page's data block, read by its script (property names in camel case).</summary>
    private sealed record PageData(
        string Name,
        string Digest,
        string SourceLanguage,
        string TargetLanguage,
        DateTime CreatedAt,
        string Backend,
        string BackendVersion,
        bool IsGloss,
        double LowConfidence,
        double HighConfidence,
        IReadOnlyList<PageRow> Rows);

    /// <summary>One row of the data block; <c>n</c> is the row's number on the page.</summary>
    private sealed record PageRow(
        string Id,
        int N,
        string Kind,
        double Confidence,
        string Source,
        string Target,
        IReadOnlyList<string> Flags,
        PageReview? Review);

    /// <summary>A row's stored review.</summary>
    private sealed record PageReview(string Status, string? Reviewer, DateTime ChangedAt, string? Comment);

    /// <summary>Serialisation of the data block by generated code (no reflection: the worker is compiled ahead of time).</summary>
    [JsonSerializable(typeof(PageData))]
    private sealed partial class ReviewPageJsonContext : JsonSerializerContext
    {
    }
}
