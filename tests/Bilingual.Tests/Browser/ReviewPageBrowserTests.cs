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

namespace Bilingual.Tests.Browser;

/// <summary>The review page in a real browser, loaded from disk: rows, flags, escaping and every review action.</summary>
[Collection(ChromiumGroup.Name)]
public sealed class ReviewPageBrowserTests(ChromiumFixture chromium) : IAsyncLifetime
{
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

    private async Task<IPage> OpenAsync(BilingualDocument document, bool javaScript = true)
    {
        var browser = await chromium.BrowserAsync();
        var path = await ReviewPageWriterTests.Writer().WriteAsync(ReviewPageWriterTests.Checked(document), _directory, CancellationToken.None);
        _context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = javaScript,
            AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
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
}
