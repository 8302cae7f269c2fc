using Microsoft.Playwright;

namespace Uplink.Host.Tests.Hosting.Admin;

/// <summary>
/// The system's headless Chromium driven by Playwright. Playwright never downloads a browser here: it is told the
/// executable's path, and a machine without Chromium skips the browser tests with the reason.
/// </summary>
internal sealed class AdminBrowser : IAsyncDisposable
{
    /// <summary>Where Debian's <c>chromium</c> package puts the browser.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;

    private AdminBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<AdminBrowser> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Skip($"Chromium is not installed at {ChromiumPath} (Debian package 'chromium'); the admin page's browser tests need it.");
        }

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
            });
            return new AdminBrowser(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A fresh browser profile (no cookies) with a desktop-sized window. Its waits allow two minutes, not Playwright's
    /// 30 s: CI runs every test project at once on two cores, and a slow answer is not the failure these tests look for.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(120_000);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
