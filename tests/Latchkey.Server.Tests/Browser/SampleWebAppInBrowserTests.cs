using System.Globalization;
using System.Text.Json;
using Latchkey.Server.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Latchkey.Server.Tests.Browser;

/// <summary>
/// samples/WebApp (stock cookie + OpenIdConnect handlers) signs a person in through Latchkey and calls
/// samples/ResourceApi (stock JwtBearer handler) with the access token, all in Chromium.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SampleWebAppInBrowserTests(ChromiumFixture chromium, SampleAppsFixture apps) : IClassFixture<SampleAppsFixture>
{
    [Fact]
    public Task Alice_signs_in_to_the_web_app_which_calls_the_api_with_her_access_token() => apps.WithSampleOutputOnFailureAsync(async () =>
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(apps.WebApp.BaseUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "Log in" }).ClickAsync();

        await Expect(page.Locator("#client-name")).ToHaveTextAsync(SampleAppsFixture.ClientName);
        await SubmitLoginAsync(page, "alice");
        await Expect(page.Locator("#scopes li")).ToHaveTextAsync(
        [
            "Sign you in with your account", "See your name and username", "See your email address",
            "Stay connected to your account when you are not using the application", "Use the test API",
        ]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(apps.WebApp.BaseUrl + "/");
        await Expect(page.Locator("#signed-in-as")).ToContainTextAsync("Alice Liddell");
        var sub = await ClaimAsync(page, "sub");
        Assert.Equal("alice@example.com", await ClaimAsync(page, "email"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Call API" }).ClickAsync();
        var me = await ApiResultAsync(page);
        Assert.Equal(sub, me.GetProperty("sub").GetString());
        Assert.Equal(SampleAppsFixture.ClientId, me.GetProperty("client_id").GetString());
        Assert.Contains("api", me.GetProperty("scope").GetString()!.Split(' '));
    });

    [Fact]
    public Task Web_app_refreshes_an_expiring_access_token_and_the_api_accepts_the_new_one() => apps.WithSampleOutputOnFailureAsync(async () =>
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(apps.WebApp.BaseUrl + "/login");
        // Not alice: the other test may already have her consent on record, and this one must see the page.
        await SubmitLoginAsync(page, await TestUsers.CreateAsync(apps.Latchkey));
        await page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(apps.WebApp.BaseUrl + "/");

        await page.GetByRole(AriaRole.Link, new() { Name = "Call API" }).ClickAsync();
        await ApiResultAsync(page);
        var before = await ExpiresAtAsync(page);

        // TokenRefresher renews once the token is within 5 s of expiry; wait until then, not longer.
        var due = before - TimeSpan.FromSeconds(5) - DateTimeOffset.UtcNow;
        if (due > TimeSpan.Zero) await Task.Delay(due + TimeSpan.FromMilliseconds(200));

        await page.GetByRole(AriaRole.Link, new() { Name = "Home" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Call API" }).ClickAsync();
        var me = await ApiResultAsync(page);
        Assert.Equal(SampleAppsFixture.ClientId, me.GetProperty("client_id").GetString());
        var after = await ExpiresAtAsync(page);
        Assert.True(after > before, $"expires_at did not move after the refresh: {before:o} → {after:o}");
    });

    [Fact]
    public Task Logging_out_of_the_web_app_ends_the_latchkey_session_too() => apps.WithSampleOutputOnFailureAsync(async () =>
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(apps.WebApp.BaseUrl + "/login");
        await SubmitLoginAsync(page, await TestUsers.CreateAsync(apps.Latchkey));
        await page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();
        await Expect(page.Locator("#signed-in-as")).ToBeVisibleAsync();

        // The stock handler sends id_token_hint (this very session) and post_logout_redirect_uri: no confirmation asked.
        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(apps.WebApp.BaseUrl + "/");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Log in" })).ToBeVisibleAsync();

        // Latchkey's session is gone as well: logging in again asks for the password.
        await page.GetByRole(AriaRole.Link, new() { Name = "Log in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Sign in");
    });

    private static async Task SubmitLoginAsync(IPage page, string username)
    {
        await page.GetByLabel("Username or email").FillAsync(username);
        await page.GetByLabel("Password").FillAsync(TestRealm.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    private static async Task<string> ClaimAsync(IPage page, string type)
    {
        var row = page.Locator("#claims tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = type, Exact = true }) });
        return await row.Locator("td").Nth(1).InnerTextAsync();
    }

    /// <summary>The /call-api page: the API's status and body as the WebApp shows them.</summary>
    private static async Task<JsonElement> ApiResultAsync(IPage page)
    {
        var status = await page.Locator("#api-status").InnerTextAsync();
        var result = await page.Locator("#api-result").InnerTextAsync();
        Assert.True(status == "200", $"the API call shown by the WebApp failed with status {status}: {result}");
        return JsonDocument.Parse(result).RootElement.Clone();
    }

    private static async Task<DateTimeOffset> ExpiresAtAsync(IPage page) =>
        DateTimeOffset.Parse(await page.Locator("#expires-at").InnerTextAsync(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
