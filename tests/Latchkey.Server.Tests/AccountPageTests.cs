using System.Net;
using Latchkey.Server.Tests.Infrastructure;

namespace Latchkey.Server.Tests;

/// <summary>The account page: the applications a user gave access, and taking that access back.</summary>
public sealed class AccountPageTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    private static Dictionary<string, string> Refresh(string token) => new() { ["grant_type"] = "refresh_token", ["refresh_token"] = token };

    [Fact]
    public async Task Signed_out_users_sign_in_first_and_come_back()
    {
        using var browser = server.NewClient();
        var response = await browser.GetAsync("/realms/test/account");
        Assert.Equal("/realms/test/login?return=account", response.Headers.Location!.OriginalString);
        var login = await browser.SubmitLoginAsync("/realms/test/login?return=account", "bob", TestRealm.Password);
        Assert.Equal("/realms/test/account", login.Headers.Location!.OriginalString);
        Assert.Contains("You have not given any application access yet", await (await browser.GetAsync("/realms/test/account")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Lists_granted_applications_and_removing_one_revokes_its_tokens_and_consent()
    {
        using var browser = server.NewClient();
        var tokens = await browser.CodeFlowAsync(scope: "openid profile offline_access");
        var page = await browser.GetAsync("/realms/test/account");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Test Web", html);
        Assert.Contains("See your name and username", html);

        var removed = await browser.Http.PostAsync("/realms/test/account", OAuthTestClient.Form(html, ("client_id", "web")));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Contains("Access for Test Web was removed", await (await browser.GetAsync(removed.Headers.Location!.OriginalString)).Content.ReadAsStringAsync());

        Assert.Equal("invalid_grant", (await browser.TokenAsync(Refresh(tokens.RefreshToken!), "web", TestRealm.WebSecret)).Error);
        var introspected = await browser.PostFormAsync("introspect", new Dictionary<string, string> { ["token"] = tokens.AccessToken }, "web", TestRealm.WebSecret);
        Assert.False(introspected.Json.GetProperty("active").GetBoolean());
        var again = await browser.GetAsync(browser.AuthorizeUrl(OAuthTestClient.CodeRequest(OAuthTestClient.NewVerifier(), scope: "openid profile")));
        Assert.StartsWith("/realms/test/consent", again.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Removing_without_the_antiforgery_token_is_refused()
    {
        using var browser = server.NewClient();
        var tokens = await browser.CodeFlowAsync(scope: "openid offline_access");
        var forged = await browser.Http.PostAsync("/realms/test/account", new FormUrlEncodedContent(new Dictionary<string, string> { ["client_id"] = "web" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.TokenAsync(Refresh(tokens.RefreshToken!), "web", TestRealm.WebSecret)).Status);
    }
}
