using Bilingual.Tests.Support;
using Microsoft.Playwright;

namespace Bilingual.Tests.Browser;

/// <summary>
/// One headless Chromium (Debian's, never a downloaded build) shared by the browser tests, driven through
/// Playwright's bundled driver. Launched on first use so that a machine without Chromium reports a skip.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private readonly Lock _sync = new();
    private IPlaywright? _playwright;
    private Task<IBrowser>? _browser;

    /// <summary>The browser; skips the calling test when Chromium is not installed (fails under CI).</summary>
    public Task<IBrowser> BrowserAsync()
    {
        var executable = TestPaths.RequireTool("chromium", "chromium");
        lock (_sync)
        {
            return _browser ??= LaunchAsync(executable);
        }
    }

    private async Task<IBrowser> LaunchAsync(string executable)
    {
        _playwright = await Playwright.CreateAsync();
        return await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_browser is { IsCompletedSuccessfully: true })
        {
            await (await _browser).DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ChromiumGroup : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Chromium";
}
