using System.Diagnostics;
using System.Net;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Uplink.Tests.Shared;

namespace Uplink.Host.Tests.Hosting.Admin;

/// <summary>
/// The admin page in a real headless Chromium against a real <c>uplink run</c> (<see cref="AdminPageSite"/>).
/// Set <c>UPLINK_ADMIN_SCREENSHOTS=1</c> to (re)write the screenshots in <c>docs/images/admin-*.png</c>.
/// </summary>
public sealed class AdminPageBrowserTests(AdminPageSite site) : IClassFixture<AdminPageSite>
{
    private readonly List<string> _pages = [];
    private readonly List<string> _accessibility = [];

    [Fact]
    public async Task The_page_lists_the_refused_plugin_and_the_set_aside_image_with_their_reasons_and_a_retry_from_it_sends_the_failed_image()
    {
        await using var browser = await AdminBrowser.LaunchAsync();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(site.AdminUrl, "/admin").ToString());
        Assert.EndsWith("/admin/sign-in", page.Url, StringComparison.Ordinal);
        await KeepAsync(page, "sign-in");
        await page.GetByLabel("Admin key").FillAsync(site.AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.EndsWith("/admin", page.Url, StringComparison.Ordinal);

        var plugin = page.GetByRole(AriaRole.Row).Filter(new() { HasText = AdminPageSite.RefusedPlugin });
        Assert.Contains("Untrusted", await plugin.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains($"uplink plugins trust {AdminPageSite.RefusedPlugin}", await plugin.InnerTextAsync(), StringComparison.Ordinal);
        var setAside = page.Locator("#problems ~ table tbody tr").Filter(new() { Has = page.Locator("span.state", new() { HasText = "set-aside" }) });
        Assert.Contains("not valid DICOM", await setAside.InnerTextAsync(), StringComparison.Ordinal);
        var failed = page.Locator("#problems ~ table tbody tr").Filter(new() { Has = page.Locator("span.state", new() { HasText = "failed" }) });
        var failedRow = await failed.InnerTextAsync();
        Assert.Contains("gave up after 1 attempts", failedRow, StringComparison.Ordinal);
        await KeepAsync(page, "overview");
        var outputsBefore = site.Host.OutputFiles().Length;

        site.HealLateImage();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Retry share {site.ShareId} image 3" }).ClickAsync();
        Assert.EndsWith("/admin", page.Url, StringComparison.Ordinal);
        var notice = await page.GetByRole(AriaRole.Status).InnerTextAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = site.ShareId }).First.ClickAsync();
        var sent = await WaitForImageStateAsync(page, 3, "sent");
        await KeepAsync(page, "share");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Discard share {site.ShareId} image 2" }).ClickAsync();
        var discardNotice = await page.GetByRole(AriaRole.Status).InnerTextAsync();
        var discarded = await WaitForImageStateAsync(page, 2, "discarded");
        await page.GotoAsync(new Uri(site.AdminUrl, "/admin").ToString());
        var audit = await page.Locator("#audit ~ table tbody tr").AllInnerTextsAsync();
        await KeepAsync(page, null);

        Assert.Contains($"image 3 of share {site.ShareId} is queued again", notice, StringComparison.Ordinal);
        Assert.True(sent, "image 3 never showed 'sent' on the share page after the retry");
        Assert.Equal(outputsBefore + 1, site.Host.OutputFiles().Length);
        Assert.Contains($"image 2 of share {site.ShareId} is discarded", discardNotice, StringComparison.Ordinal);
        Assert.True(discarded, "image 2 never showed 'discarded' on the share page after the discard");
        Assert.Equal(2, audit.Count);
        Assert.All(audit, entry => Assert.Contains("admin page", entry, StringComparison.Ordinal));
        Assert.Contains("discard-image", audit[0], StringComparison.Ordinal);
        Assert.Contains("retry-image", audit[1], StringComparison.Ordinal);
        AssertNoPlantedValue();
        Assert.True(_accessibility.Count == 0, $"axe found accessibility problems:{Environment.NewLine}{string.Join(Environment.NewLine, _accessibility)}");
    }

    [Fact]
    public async Task An_admin_signs_in_with_the_keyboard_alone()
    {
        await using var browser = await AdminBrowser.LaunchAsync();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(site.AdminUrl, "/admin/sign-in").ToString());

        var visited = new List<string>();
        for (var i = 0; i < 8 && visited.LastOrDefault() != "key"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            visited.Add(await page.EvaluateAsync<string>("document.activeElement.id || document.activeElement.tagName"));
        }

        Assert.True(visited.Last() == "key", $"Tab never reached the key field; focus went {string.Join(" → ", visited)}");
        await page.Keyboard.TypeAsync(site.AdminKey);
        await page.Keyboard.PressAsync("Tab");
        var button = await page.EvaluateAsync<string>("document.activeElement.textContent");
        Assert.Equal("Sign in", button);

        // On a loaded machine the answer can take a while: wait for the navigation Enter starts, not a fixed 30 s.
        var overview = await page.RunAndWaitForResponseAsync(
            () => page.Keyboard.PressAsync("Enter"),
            r => r.Request.Method == "GET" && r.Url.EndsWith("/admin", StringComparison.Ordinal),
            new() { Timeout = 120_000 });
        await page.WaitForURLAsync("**/admin", new() { Timeout = 120_000 });
        Assert.Equal(200, overview.Status);
        await KeepAsync(page, null);

        Assert.Equal("Overview", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        AssertNoPlantedValue();
        Assert.Empty(_accessibility);
    }

    [Fact]
    public async Task A_wrong_key_gets_a_401_page_that_says_so_and_no_session()
    {
        await using var browser = await AdminBrowser.LaunchAsync();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(site.AdminUrl, "/admin/sign-in").ToString());

        await page.GetByLabel("Admin key").FillAsync("not-the-admin-key-but-long-enough-to-look-real");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync(),
            r => r.Request.Method == "POST");

        Assert.Equal((int)HttpStatusCode.Unauthorized, response.Status);
        Assert.Contains("That is not this site's admin key", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await context.CookiesAsync());
    }

    [Fact]
    public async Task A_post_without_the_session_token_is_refused_with_403_and_changes_nothing()
    {
        await using var browser = await AdminBrowser.LaunchAsync();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(site.AdminUrl, "/admin/sign-in").ToString());
        await page.GetByLabel("Admin key").FillAsync(site.AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        var cookie = Assert.Single(await context.CookiesAsync());
        var auditBefore = await page.Locator("#audit ~ table tbody tr, #audit ~ p").AllInnerTextsAsync();

        // The browser's own request API sends the session cookie, as a forged form on another page would.
        var withoutToken = await page.APIRequest.PostAsync(new Uri(site.AdminUrl, "/admin/shares/retry").ToString(), new() { Form = FormOf(page, ("share", site.ShareId)) });
        var wrongToken = await page.APIRequest.PostAsync(new Uri(site.AdminUrl, "/admin/shares/retry").ToString(), new() { Form = FormOf(page, ("share", site.ShareId), ("csrf", new string('0', 64))) });
        var token = await page.Locator("input[name=csrf]").First.GetAttributeAsync("value");
        var crossSite = await page.APIRequest.PostAsync(new Uri(site.AdminUrl, "/admin/shares/retry").ToString(), new()
        {
            Form = FormOf(page, ("share", site.ShareId), ("csrf", token!)),
            Headers = new Dictionary<string, string> { ["Origin"] = "http://evil.example" },
        });
        await page.ReloadAsync();
        var auditAfter = await page.Locator("#audit ~ table tbody tr, #audit ~ p").AllInnerTextsAsync();

        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.Equal("/", cookie.Path);
        Assert.True(cookie.Expires > 0, "the session cookie has no expiry");
        Assert.Equal((int)HttpStatusCode.Forbidden, withoutToken.Status);
        Assert.Equal((int)HttpStatusCode.Forbidden, wrongToken.Status);
        Assert.Equal((int)HttpStatusCode.Forbidden, crossSite.Status);
        Assert.Equal(auditBefore, auditAfter);
    }

    private static IFormData FormOf(IPage page, params (string Name, string Value)[] fields)
    {
        var form = page.APIRequest.CreateFormData();
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }

        return form;
    }

    private async Task<bool> WaitForImageStateAsync(IPage page, int position, string state)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            var row = page.Locator("#images ~ table tbody tr").Nth(position);
            if ((await row.Locator("td").First.InnerTextAsync()).Trim() == state)
            {
                return true;
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
            await page.ReloadAsync();
            _pages.Add(await page.ContentAsync());
        }

        return false;
    }

    /// <summary>Keeps the page's HTML for the leak check, runs axe on it, and, when asked, keeps its screenshot for the docs.</summary>
    private async Task KeepAsync(IPage page, string? screenshot)
    {
        _pages.Add(await page.ContentAsync());
        var axe = await page.RunAxe();
        _accessibility.AddRange(axe.Violations.Select(v => $"{page.Url}: {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));
        if (screenshot is not null && Environment.GetEnvironmentVariable("UPLINK_ADMIN_SCREENSHOTS") == "1")
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryLayout.Root(), "docs", "images", $"admin-{screenshot}.png"), FullPage = true });
        }
    }

    private void AssertNoPlantedValue()
    {
        Assert.NotEmpty(_pages);
        foreach (var html in _pages)
        {
            Assert.All(AdminPageSite.PlantedValues, planted => Assert.DoesNotContain(planted, html, StringComparison.OrdinalIgnoreCase));
        }
    }
}
