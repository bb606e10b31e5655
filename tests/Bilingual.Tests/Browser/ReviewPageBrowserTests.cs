using System.Diagnostics;
using System.Text.Json;
using Bilingual.Core.Documents;
using Bilingual.Core.Pipeline;
using Bilingual.Core.Review;
using Bilingual.Tests.Review;
using Bilingual.Tests.Support;
using Bilingual.Tests.Writing;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Bilingual.Tests.Browser;

/// <summary>The review page in a real browser, loaded from disk: rows, flags, escaping and every review action.</summary>
[Collection(ChromiumGroup.Name)]
public sealed class ReviewPageBrowserTests(ChromiumFixture chromium, ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>
    /// Measures the page as a reader sees it: what sticks out of the viewport, every word of the texts that a line
    /// break cuts (a DOM Range over a word has one client rect per line it is on), and how wide and how tall the
    /// text columns are for the text they hold. Words are split at white space and hyphens, where a line may break.
    /// </summary>
    private const string LayoutScript = """
        () => {
          const width = window.innerWidth;
          const outside = [];
          for (const e of document.querySelectorAll('tr.row, .summary .card, #toolbar > *')) {
            const r = e.getBoundingClientRect();
            if (r.width === 0 && r.height === 0) { continue; }
            if (r.left < -0.5 || r.right > width + 0.5) { outside.push((e.id || e.className) + ' ' + Math.round(r.left) + '..' + Math.round(r.right)); }
          }
          let words = 0, narrowestEm = Infinity, worstRatio = 0, tallestCell = 0, stacked = 0, sideBySide = 0;
          const broken = [], forced = [];
          for (const tr of document.querySelectorAll('tr.row')) {
            const src = tr.querySelector('td.src').getBoundingClientRect(), tgt = tr.querySelector('td.tgt').getBoundingClientRect();
            if (tgt.top >= src.bottom - 0.5) { stacked++; } else if (Math.abs(tgt.top - src.top) < 0.5 && tgt.left >= src.right - 0.5) { sideBySide++; }
            for (const cell of tr.querySelectorAll('td.src, td.tgt')) {
              const cs = getComputedStyle(cell);
              const font = parseFloat(cs.fontSize), line = parseFloat(cs.lineHeight);
              const content = cell.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
              narrowestEm = Math.min(narrowestEm, content / font);
              tallestCell = Math.max(tallestCell, cell.getBoundingClientRect().height);
              let inline = 0, top = Infinity, bottom = -Infinity;
              const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const whole = document.createRange();
                whole.selectNodeContents(node);
                for (const r of whole.getClientRects()) { inline += r.width; top = Math.min(top, r.top); bottom = Math.max(bottom, r.bottom); }
                const word = /[^\s\-\u2010\u2013\u2014]+/g;
                let m;
                while ((m = word.exec(node.data)) !== null) {
                  const range = document.createRange();
                  range.setStart(node, m.index);
                  range.setEnd(node, m.index + m[0].length);
                  const rects = Array.from(range.getClientRects()).filter(r => r.width > 0);
                  words++;
                  if (rects.length !== 1) {
                    // A word wider than the whole line has to break somewhere; any other may not.
                    const total = rects.reduce((sum, r) => sum + r.width, 0);
                    (total > content ? forced : broken).push(m[0]);
                  }
                }
              }
              if (inline > 0) { worstRatio = Math.max(worstRatio, (bottom - top) / (Math.ceil(inline / content) * line)); }
            }
          }
          return JSON.stringify({
            scrollWidth: document.documentElement.scrollWidth, innerWidth: width, outside, words, broken, forced,
            narrowestEm, worstRatio, tallestCell, stacked, sideBySide
          });
        }
        """;

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>Viewport widths: a phone, a narrow laptop window (stacked rows), a small laptop (grid rows), a desktop (table).</summary>
    public static TheoryData<int> Widths => new() { 390, 800, 1024, 1400 };

    private readonly string _directory = Directory.CreateTempSubdirectory("review-browser-").FullName;
    private readonly List<string> _consoleErrors = [];
    private readonly List<string> _dialogs = [];
    private readonly List<string> _requests = [];
    private IBrowserContext? _context;

    private static string ScreenshotDirectory => Path.Combine(TestPaths.RepositoryRoot, "out", "review-screenshots");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    private async Task<IPage> OpenAsync(BilingualDocument document, bool javaScript = true, int width = 1440, int height = 900)
    {
        var browser = await chromium.BrowserAsync();
        var path = await ReviewPageWriterTests.Writer().WriteAsync(ReviewPageWriterTests.Checked(document), _directory, CancellationToken.None);
        _context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = javaScript,
            AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var page = await _context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Add(message.Text);
            }
        };
        page.Dialog += (_, dialog) => _dialogs.Add(dialog.Message);
        page.Request += (_, request) => _requests.Add(request.Url);
        await page.GotoAsync(new Uri(path).AbsoluteUri);
        return page;
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name), FullPage = false });
    }

    private static Task<int> VisibleRowsAsync(IPage page) => page.Locator("tr.row:visible").CountAsync();

    private static Task<string?> StatusAsync(IPage page, string id) => page.GetAttributeAsync($"#row-{id}", "data-status");

    private static Task<string?> CurrentAsync(IPage page) => page.EvaluateAsync<string?>("() => document.querySelector('tr.row.current')?.dataset.id ?? null");

    [SkippableFact]
    public async Task Page_Belarus_ShowsEveryRowRunsUnderTheCspAndFetchesNothing()
    {
        var document = ReviewSampleDocuments.BelarusWithIssues();
        var page = await OpenAsync(document);

        Assert.Equal(document.Paragraphs.Sum(p => p.Beads.Count), await VisibleRowsAsync(page));
        Assert.True(await page.Locator("#toolbar").IsVisibleAsync(), "the script ran: the toolbar shows");
        Assert.Equal("fixed", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('table.rows')).tableLayout"));
        Assert.Equal("nl", await page.GetAttributeAsync("#row-p0-b0 td.src", "lang"));
        Assert.Equal("1996", await page.Locator("#row-p1-b0 td.src mark.q-number").InnerTextAsync());
        Assert.Equal("Poetin", await page.Locator("#row-p0-b0 td.src mark.q-glossary").InnerTextAsync());
        Assert.Equal(1, await page.Locator("#row-p4-b1 td.src .sep").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => parseFloat(getComputedStyle(document.querySelector('thead th')).top) > 40"), "the header sticks below the toolbar");
        Assert.Empty(_consoleErrors);
        Assert.All(_requests, url => Assert.StartsWith("file://", url, StringComparison.Ordinal));

        await page.ClickAsync("#row-p1-b0 td.n");
        await ScreenshotAsync(page, "belarus-2023-04.png");
    }

    [SkippableFact]
    public async Task Page_Hostile_ShowsMarkupAsTextAndRunsNothing()
    {
        var page = await OpenAsync(ReviewSampleDocuments.Hostile());

        Assert.Empty(_dialogs);
        Assert.Empty(_consoleErrors);
        Assert.Equal(2, await page.Locator("script").CountAsync());
        Assert.Equal(0, await page.Locator("td.src b, td.tgt b, td.src script, td.tgt script").CountAsync());
        Assert.Equal("<script>alert(1)</script>", await page.Locator("#row-p0-b0 td.src").InnerTextAsync());
        Assert.Contains("</td><td>broken", await page.Locator("#row-p1-b0 td.tgt").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("&amp; entiteit", await page.Locator("#row-p1-b0 td.src").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(["U+0001", "U+0007"], await page.Locator("#row-p1-b1 td.tgt .ctl").EvaluateAllAsync<string[]>("spans => spans.map(s => s.dataset.code)"));
        Assert.Equal("Added sentence with control  and  characters here.", await page.Locator("#row-p1-b1 td.tgt").InnerTextAsync());
        Assert.Equal("2-1", await page.Locator("#row-p1-b0 td.kind").InnerTextAsync());
        Assert.Equal("0-1", await page.Locator("#row-p1-b1 td.kind").InnerTextAsync());
        Assert.True(await page.Locator("#gloss-banner").IsVisibleAsync());
        Assert.Equal(8, await page.Locator("tr.row td").First.Locator("xpath=..").Locator("td").CountAsync());

        await ScreenshotAsync(page, "hostile.png");
    }

    [SkippableFact]
    public async Task Page_WithoutJavaScript_IsReadable()
    {
        var document = ReviewSampleDocuments.BelarusWithIssues();
        var page = await OpenAsync(document, javaScript: false);

        Assert.Equal(document.Paragraphs.Sum(p => p.Beads.Count), await VisibleRowsAsync(page));
        Assert.False(await page.Locator("#toolbar").IsVisibleAsync());
        Assert.Contains("JavaScript is off", await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(document.Paragraphs[0].TargetSegments[1].Text, await page.Locator("#row-p0-b1 td.tgt").InnerTextAsync());
        Assert.Equal("rgb(31, 122, 77)", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('tr[data-band=high] td.conf')).color"));

        await ScreenshotAsync(page, "belarus-2023-04-nojs.png");
    }

    [SkippableFact]
    public async Task Page_MarkCommentAndEdit_SurviveAReload()
    {
        var page = await OpenAsync(ReviewSampleDocuments.BelarusWithIssues());

        await page.ClickAsync("#row-p0-b1 button[data-act=accept]");
        await page.ClickAsync("#row-p1-b0 button[data-act=edit]");
        await page.FillAsync("#row-p1-b0 textarea", "Under a 1996 treaty, the two countries already form a union.");
        await page.ClickAsync("#row-p1-b0 .editor button.primary");
        await page.ClickAsync("#row-p1-b0 button[data-act=comment]");
        await page.FillAsync("#row-p1-b0 textarea", "Year was wrong <b>&amp;</b>");
        await page.Keyboard.PressAsync("Control+Enter");

        await page.ReloadAsync();

        Assert.Equal("accepted", await StatusAsync(page, "p0-b1"));
        Assert.Equal("corrected", await StatusAsync(page, "p1-b0"));
        Assert.StartsWith("Under a 1996 treaty, the two countries already form a union.", await page.Locator("#row-p1-b0 td.tgt").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Year was wrong <b>&amp;</b>", await page.Locator("#row-p1-b0 p.comment").InnerTextAsync());
        Assert.Equal("2", await page.Locator("#sum-reviewed").InnerTextAsync());

        await ScreenshotAsync(page, "belarus-2023-04-reviewed.png");
    }

    [SkippableFact]
    public async Task Page_ContentChanged_StartsAFreshReviewAndKeepsTheOld()
    {
        var page = await OpenAsync(ReviewSampleDocuments.BelarusWithIssues());
        await page.ClickAsync("#row-p0-b1 button[data-act=accept]");

        await ReviewPageWriterTests.Writer().WriteAsync(ReviewPageWriterTests.Checked(ReviewSampleDocuments.Belarus()), _directory, CancellationToken.None);
        await page.ReloadAsync();
        Assert.Equal("", await StatusAsync(page, "p0-b1"));

        await ReviewPageWriterTests.Writer().WriteAsync(ReviewPageWriterTests.Checked(ReviewSampleDocuments.BelarusWithIssues()), _directory, CancellationToken.None);
        await page.ReloadAsync();
        Assert.Equal("accepted", await StatusAsync(page, "p0-b1"));
    }

    [SkippableFact]
    public async Task Page_Keyboard_NavigatesRowsAndFlagsAndMarks()
    {
        var page = await OpenAsync(ReviewSampleDocuments.BelarusWithIssues());

        await page.Keyboard.PressAsync("j");
        Assert.Equal("p0-b0", await CurrentAsync(page));
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("j");
        Assert.Equal("p1-b0", await CurrentAsync(page));
        await page.Keyboard.PressAsync("k");
        Assert.Equal("p0-b1", await CurrentAsync(page));
        await page.Keyboard.PressAsync("n");
        Assert.Equal("p1-b0", await CurrentAsync(page));
        await page.Keyboard.PressAsync("n");
        Assert.Equal("p5-b2", await CurrentAsync(page));
        await page.Keyboard.PressAsync("N");
        Assert.Equal("p1-b0", await CurrentAsync(page));

        await page.Keyboard.PressAsync("r");
        Assert.Equal("needs-review", await StatusAsync(page, "p1-b0"));
        await page.Keyboard.PressAsync("a");
        Assert.Equal("accepted", await StatusAsync(page, "p1-b0"));
        await page.Keyboard.PressAsync("a");
        Assert.Equal("", await StatusAsync(page, "p1-b0"));

        await page.Keyboard.PressAsync("e");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("Under a 1996 treaty.");
        await page.Keyboard.PressAsync("Control+Enter");
        Assert.Equal("corrected", await StatusAsync(page, "p1-b0"));
        await page.Keyboard.PressAsync("c");
        await page.Keyboard.TypeAsync("typed");
        await page.Keyboard.PressAsync("Escape");
        Assert.Equal(0, await page.Locator("#row-p1-b0 p.comment").CountAsync());

        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("c");
        await page.Keyboard.TypeAsync("Check the name");
        await page.Keyboard.PressAsync("Control+Enter");
        Assert.Equal("needs-review", await StatusAsync(page, "p1-b1"));
        Assert.Equal("Check the name", await page.Locator("#row-p1-b1 p.comment").InnerTextAsync());

        await page.Keyboard.PressAsync("/");
        Assert.Equal("search", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }

    [SkippableFact]
    public async Task Page_FiltersAndSearch_HideOtherRows()
    {
        var document = ReviewSampleDocuments.BelarusWithIssues();
        var page = await OpenAsync(document);
        var all = document.Paragraphs.Sum(p => p.Beads.Count);

        await page.SelectOptionAsync("#filter-flag", "number");
        Assert.Equal(1, await VisibleRowsAsync(page));
        Assert.Equal($"1 of {all} rows", await page.Locator("#visible-count").InnerTextAsync());
        await page.SelectOptionAsync("#filter-flag", "any");
        Assert.Equal(await page.Locator("tr.row.flagged").CountAsync(), await VisibleRowsAsync(page));
        await page.SelectOptionAsync("#filter-flag", "");

        await page.SelectOptionAsync("#filter-confidence", "low");
        Assert.Equal(await page.Locator("tr.row[data-band=low]").CountAsync(), await VisibleRowsAsync(page));
        await page.SelectOptionAsync("#filter-confidence", "");

        await page.ClickAsync("#row-p0-b1 button[data-act=query]");
        await page.SelectOptionAsync("#filter-status", "needs-review");
        Assert.Equal(1, await VisibleRowsAsync(page));
        await page.SelectOptionAsync("#filter-status", "unreviewed");
        Assert.Equal(all - 1, await VisibleRowsAsync(page));
        await page.SelectOptionAsync("#filter-status", "");

        await page.FillAsync("#search", "kaliningrad");
        Assert.Equal(1, await VisibleRowsAsync(page));
        Assert.Equal(1, await page.Locator("tbody.para:visible").CountAsync());
        await page.FillAsync("#search", "");
        Assert.Equal(all, await VisibleRowsAsync(page));
    }

    [SkippableFact]
    public async Task ExportJson_DownloadsTheChanges()
    {
        var page = await OpenAsync(ReviewSampleDocuments.BelarusWithIssues());
        await page.FillAsync("#reviewer", "anna");
        await page.ClickAsync("#row-p0-b1 button[data-act=accept]");
        await EditAsync(page, "p1-b0", "Under a 1996 treaty, the two countries already form a union.");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-json"));
        var path = Path.Combine(_directory, download.SuggestedFilename);
        await download.SaveAsAsync(path);

        Assert.Equal(SampleDocuments.BelarusName + ".review.json", download.SuggestedFilename);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        Assert.Equal("bilingual-review-changes", json.RootElement.GetProperty("format").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("changes").GetArrayLength());
        var corrections = await ReviewChangesReader.ReadAsync(path, null, CancellationToken.None);
        Assert.Contains(corrections, c => c.Status == ReviewStatus.Accepted && c.Reviewer == "anna");
        Assert.Contains(corrections, c => c.Status == ReviewStatus.Corrected && c.TargetText.StartsWith("Under a 1996", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task ExportTmx_WritersHostileSample_IsValidAndItsMarksComeBack()
    {
        var dtd = TestPaths.RequireShared("data", "tmx", "tmx14.dtd");
        var xmllint = TestPaths.RequireTool("xmllint", "libxml2-utils");
        var page = await OpenAsync(SampleDocuments.Hostile());
        await page.FillAsync("#reviewer", "anna");
        foreach (var id in new[] { "p0-b0", "p1-b0", "p1-b1", "p2-b0", "p2-b1", "p2-b2" })
        {
            await page.ClickAsync($"#row-{id} button[data-act=accept]");
        }

        var path = await ExportTmxAsync(page);

        var (exit, stderr) = await RunAsync(xmllint, "--noout", "--nonet", "--dtdvalid", dtd, path);
        Assert.Equal("", stderr);
        Assert.Equal(0, exit);
        var store = new SqliteReviewStore(Options.Create(new ReviewOptions { DatabasePath = Path.Combine(_directory, "tm.db") }));
        Assert.Equal(6, await store.SaveAsync(await ReviewChangesReader.ReadAsync(path, null, CancellationToken.None), CancellationToken.None));
        var next = await new ReviewApplier(store).ApplyAsync(SampleDocuments.Hostile(), CancellationToken.None);
        Assert.All(next.Paragraphs.SelectMany(p => p.Beads), bead => Assert.Equal(ReviewStatus.Accepted, bead.Review?.Status));
    }

    [SkippableFact]
    public async Task ExportTmx_IsValidAgainstTheTmx14Dtd()
    {
        var dtd = TestPaths.RequireShared("data", "tmx", "tmx14.dtd");
        var xmllint = TestPaths.RequireTool("xmllint", "libxml2-utils");
        var page = await OpenAsync(ReviewSampleDocuments.Hostile());
        await page.FillAsync("#reviewer", "anna & <bob>");
        await EditAsync(page, "p1-b0", "She said: \"A & B\" <broken>, second sentence \u0001 with &amp; entity.");
        await page.ClickAsync("#row-p2-b1 button[data-act=comment]");
        await page.FillAsync("#row-p2-b1 textarea", "check <this> & that");
        await page.Keyboard.PressAsync("Control+Enter");

        var path = await ExportTmxAsync(page);

        var (exit, stderr) = await RunAsync(xmllint, "--noout", "--nonet", "--dtdvalid", dtd, path);
        Assert.Equal("", stderr);
        Assert.Equal(0, exit);
        var text = await File.ReadAllTextAsync(path);
        Assert.Contains("<tu tuid=\"p1-b0\"", text, StringComparison.Ordinal);
        Assert.Contains("changeid=\"anna &amp; &lt;bob&gt;\"", text, StringComparison.Ordinal);
        Assert.Matches("changedate=\"\\d{8}T\\d{6}Z\"", text);
        Assert.Matches("<prop type=\"x-bead\">2-1</prop>\\s*<prop type=\"x-confidence\">0.64</prop>\\s*<prop type=\"x-status\">corrected</prop>", text);
    }

    [SkippableFact]
    public async Task ExportTmx_MergedBack_NextRunCarriesTheCorrection()
    {
        var page = await OpenAsync(ReviewSampleDocuments.BelarusWithIssues());
        await page.FillAsync("#reviewer", "anna");
        await EditAsync(page, "p1-b0", "Under a 1996 treaty, the two countries already form a union.");
        await page.ClickAsync("#row-p4-b1 button[data-act=accept]");
        var tmx = await ExportTmxAsync(page);

        var store = new SqliteReviewStore(Options.Create(new ReviewOptions { DatabasePath = Path.Combine(_directory, "tm.db") }));
        var corrections = await ReviewChangesReader.ReadAsync(tmx, null, CancellationToken.None);
        Assert.Equal(2, await store.SaveAsync(corrections, CancellationToken.None));
        var next = await new ReviewApplier(store).ApplyAsync(ReviewSampleDocuments.BelarusWithIssues(), CancellationToken.None);

        var corrected = next.Paragraphs[1];
        Assert.Equal("Under a 1996 treaty, the two countries already form a union.", corrected.TargetSegments[0].Text);
        Assert.StartsWith("Under a 1996 treaty, the two countries already form a union. The mass uprising", corrected.TargetText, StringComparison.Ordinal);
        Assert.Equal(ReviewStatus.Corrected, corrected.Beads[0].Review?.Status);
        Assert.Equal("anna", corrected.Beads[0].Review?.Reviewer);
        Assert.Equal(ReviewStatus.Accepted, next.Paragraphs[4].Beads[1].Review?.Status);

        var html = ReviewPageWriterTests.Writer().Render(ReviewPageWriterTests.Checked(next));
        Assert.Contains("Under a 1996 treaty, the two countries already form a union.", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"status st-corrected\">Corrected</span><span class=\"who\">anna,", html, StringComparison.Ordinal);
        Assert.DoesNotContain("1995", html, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Widths))]
    public async Task Page_AtWidth_FitsTheScreenAndBreaksNoWord(int width)
    {
        var page = await OpenAsync(ReviewSampleDocuments.WithLongTokens(), width: width, height: width < 600 ? 844 : 900);
        var rows = await page.Locator("tr.row").CountAsync();

        var layout = JsonSerializer.Deserialize<Layout>(await page.EvaluateAsync<string>(LayoutScript), Web)!;
        output.WriteLine(
            $"width {width}: scrollWidth {layout.ScrollWidth}, innerWidth {layout.InnerWidth}, words {layout.Words}, {layout.Forced.Length} forced breaks [{string.Join(", ", layout.Forced.Distinct().Take(5))}], " +
            $"narrowest text column {layout.NarrowestEm:0.0} em, text height / lines needed at most {layout.WorstRatio:0.00}, tallest text cell {layout.TallestCell:0} px");
        await ScreenshotAsync(page, $"layout-{width}.png");

        Assert.True(layout.ScrollWidth <= layout.InnerWidth, $"scrollWidth {layout.ScrollWidth} > {layout.InnerWidth}");
        Assert.Empty(layout.Outside);
        Assert.True(layout.Words > 300, $"only {layout.Words} words measured");
        Assert.Empty(layout.Broken);
        Assert.All(layout.Forced, word => Assert.True(word.Length > 40, $"{word} is not a long token"));
        Assert.True(layout.NarrowestEm >= 12, $"a text column is {layout.NarrowestEm:0.0} em wide");
        Assert.True(layout.WorstRatio <= 3, $"a text is {layout.WorstRatio:0.0} times as tall as its length needs");
        Assert.Equal(width < 900 ? rows : 0, layout.Stacked);
        Assert.Equal(width < 900 ? 0 : rows, layout.SideBySide);
        Assert.Empty(_consoleErrors);
    }

    [SkippableTheory]
    [MemberData(nameof(Widths))]
    public async Task Page_AtWidth_LabelsLanguagesAndAlignmentConfidence(int width)
    {
        var page = await OpenAsync(ReviewSampleDocuments.BelarusWithIssues(), width: width);

        var labels = await page.EvaluateAsync<string[]>("""
            () => ['td.src', 'td.tgt', 'td.conf'].map(s => getComputedStyle(document.querySelector('tr.row ' + s), '::before').content)
            """);
        if (width < 900)
        {
            Assert.Equal(["\"nl · source\"", "\"en · target\"", "\"Alignment confidence\""], labels);
        }
        else
        {
            Assert.Equal(["none", "none", "none"], labels);
            Assert.True(await page.Locator("thead th.conf").IsVisibleAsync());
            Assert.Equal("ALIGNMENT CONFIDENCE", (await page.Locator("thead th.conf").InnerTextAsync()).ReplaceLineEndings(" "));
            Assert.Contains("not measure translation quality", await page.GetAttributeAsync("thead th.conf", "title"), StringComparison.Ordinal);
        }

        var card = page.Locator(".card", new PageLocatorOptions { Has = page.Locator("#sum-confidence") });
        Assert.Equal("ALIGNMENT CONFIDENCE", await card.Locator("h2").InnerTextAsync());
        Assert.Contains("not measure translation quality", await card.GetAttributeAsync("title"), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Widths))]
    public async Task Page_AtWidth_KeyboardFiltersAndExportStillWork(int width)
    {
        var page = await OpenAsync(ReviewSampleDocuments.BelarusWithIssues(), width: width, height: width < 600 ? 844 : 900);
        await page.FillAsync("#reviewer", "anna");
        await page.Keyboard.PressAsync("Escape");

        foreach (var key in new[] { "j", "j", "j", "k" })
        {
            await page.Keyboard.PressAsync(key);
        }

        Assert.Equal("p0-b1", await CurrentAsync(page));
        await page.Keyboard.PressAsync("n");
        await page.Keyboard.PressAsync("n");
        Assert.Equal("p5-b2", await CurrentAsync(page));
        // The row came into view and nothing sticky covers its first line.
        Assert.True(await page.EvaluateAsync<bool>("""
            () => {
              const row = document.querySelector('tr.row.current'), r = row.getBoundingClientRect();
              return r.top >= 0 && document.elementFromPoint(r.left + r.width / 2, r.top + 12)?.closest('tr.row') === row;
            }
            """), "the flagged row is in view");
        await ScreenshotAsync(page, $"layout-{width}-flag.png");
        await page.Keyboard.PressAsync("a");
        Assert.Equal("accepted", await StatusAsync(page, "p5-b2"));

        await page.SelectOptionAsync("#filter-flag", "number");
        Assert.Equal(1, await VisibleRowsAsync(page));
        await page.SelectOptionAsync("#filter-flag", "");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-json"));
        var path = Path.Combine(_directory, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        var corrections = await ReviewChangesReader.ReadAsync(path, null, CancellationToken.None);
        var change = Assert.Single(corrections);
        Assert.Equal(ReviewStatus.Accepted, change.Status);
        Assert.Equal("anna", change.Reviewer);
        Assert.Empty(_consoleErrors);
    }

    private static async Task EditAsync(IPage page, string id, string text)
    {
        await page.ClickAsync($"#row-{id} button[data-act=edit]");
        await page.FillAsync($"#row-{id} textarea", text);
        await page.ClickAsync($"#row-{id} .editor button.primary");
    }

    private async Task<string> ExportTmxAsync(IPage page)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-tmx"));
        var path = Path.Combine(_directory, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        Assert.EndsWith(".reviewed.tmx", path, StringComparison.Ordinal);
        return path;
    }

    private static async Task<(int Exit, string Stderr)> RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stderr);
    }

    /// <summary>What <see cref="LayoutScript"/> measured.</summary>
    private sealed record Layout(
        int ScrollWidth,
        int InnerWidth,
        string[] Outside,
        int Words,
        string[] Broken,
        string[] Forced,
        double NarrowestEm,
        double WorstRatio,
        double TallestCell,
        int Stacked,
        int SideBySide);
}
