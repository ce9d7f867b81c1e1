using Microsoft.Playwright;

namespace Latchkey.Server.Tests.Browser;

/// <summary>
/// One headless Debian Chromium, driven by Playwright, shared by every browser test. Playwright's own
/// browser download cannot run here, so the system package is required: without it every browser
/// test fails with the message below instead of being skipped.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException(
                $"Chromium is not installed at {ExecutablePath}, so the browser tests cannot run. "
                + "Install it with `apt-get install -y chromium` (.ci/run does this).");
        // Sign-in hashes passwords and the WebApp redeems codes while the rest of the suite runs on two cores.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                // Every name but localhost fails to resolve, so no test can send traffic off this machine,
                // even if a client redirect URI (https://spa.example/...) escaped interception.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
            ],
        });
    }

    /// <summary>A fresh profile: its own cookies, so its own Latchkey login session.</summary>
    public async Task<IBrowserContext> NewContextAsync(bool javaScriptEnabled = true)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = javaScriptEnabled });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
