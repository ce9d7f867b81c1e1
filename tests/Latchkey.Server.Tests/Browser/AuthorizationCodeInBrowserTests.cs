using System.Net;
using Latchkey.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Latchkey.Server.Tests.Browser;

/// <summary>RFC 6749 §4.1 + RFC 7636 for the public client `spa`, with a person at the keyboard of a real Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AuthorizationCodeInBrowserTests(ChromiumFixture chromium, LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    private const string Scope = "openid profile offline_access api";

    [Fact]
    public async Task User_signs_in_after_a_wrong_password_consents_and_the_spa_redeems_the_code()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await ClientCallback.InstallAsync(page, TestRealm.SpaRedirect);
        var verifier = OAuthTestClient.NewVerifier();
        var request = OAuthTestClient.CodeRequest(verifier, "spa", TestRealm.SpaRedirect, Scope);

        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy")) problems.Add(m.Text); };
        page.PageError += (_, e) => problems.Add(e);
        var login = await page.GotoAsync(AuthorizeUrl(request));
        AssertCannotBeFramed(login!);
        await Expect(page.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Sign in");
        await Expect(page.Locator("label[for=username]")).ToHaveTextAsync("Username or email");
        await Expect(page.Locator("label[for=password]")).ToHaveTextAsync("Password");
        await Expect(page.GetByLabel("Username or email")).ToBeFocusedAsync();

        await SubmitLoginAsync(page, "alice", "not " + TestRealm.Password);
        // One message for both mistakes, so the page does not reveal which usernames exist (OWASP Authentication Cheat Sheet).
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Invalid username or password.");
        await Expect(page.GetByLabel("Username or email")).ToHaveValueAsync("alice");
        await Expect(page.GetByLabel("Password")).ToHaveValueAsync("");

        var consent = await page.RunAndWaitForResponseAsync(
            () => SubmitLoginAsync(page, "alice", TestRealm.Password), r => r.Url.Contains("/consent?"));
        AssertCannotBeFramed(consent);
        await Expect(page.Locator("#client-name")).ToHaveTextAsync("spa");
        await Expect(page.Locator("#user-name")).ToHaveTextAsync("alice");
        await Expect(page.Locator("#scopes li")).ToHaveTextAsync(
        [
            "Sign you in with your account", "See your name and username",
            "Stay connected to your account when you are not using the application", "Use the test API",
        ]);

        // The stylesheet got past the CSP: the primary button wears the default brand colour (#2f5bea).
        await Expect(page.Locator("#allow")).ToHaveCSSAsync("background-color", "rgb(47, 91, 234)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();
        var callback = await ClientCallback.ReachedAsync(page, TestRealm.SpaRedirect);
        Assert.Equal(request["state"], callback["state"]);
        Assert.Equal(server.Issuer, callback["iss"]); // RFC 9207 §2
        Assert.Empty(problems); // no CSP violation or script error on Latchkey's pages

        using var client = server.NewClient();
        var tokens = await RedeemAsync(client, callback["code"], verifier);
        var access = await Jwt.ValidateAsync(client, tokens.AccessToken, "test-api", "at+jwt");
        Assert.True(access.IsValid, access.Exception?.Message);
        Assert.Equal("spa", Jwt.Payload(tokens.AccessToken).GetProperty("client_id").GetString());
        Assert.Equal(request["nonce"], Jwt.Payload(tokens.IdToken!).GetProperty("nonce").GetString());
        Assert.NotNull(tokens.RefreshToken);
    }

    [Fact]
    public async Task Second_request_from_the_same_browser_returns_to_the_client_without_login_or_consent()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await ClientCallback.InstallAsync(page, TestRealm.SpaRedirect);
        await SignInAndAnswerConsentAsync(page, OAuthTestClient.CodeRequest(OAuthTestClient.NewVerifier(), "spa", TestRealm.SpaRedirect, Scope), "Allow");
        await ClientCallback.ReachedAsync(page, TestRealm.SpaRedirect);

        var visited = new List<string>();
        page.Request += (_, r) => visited.Add(r.Url);
        var verifier = OAuthTestClient.NewVerifier();
        var again = OAuthTestClient.CodeRequest(verifier, "spa", TestRealm.SpaRedirect, Scope);
        await page.GotoAsync(AuthorizeUrl(again));

        var callback = await ClientCallback.ReachedAsync(page, TestRealm.SpaRedirect);
        Assert.Equal(again["state"], callback["state"]);
        Assert.DoesNotContain(visited, url => url.Contains("/login?") || url.Contains("/consent?"));
        using var client = server.NewClient();
        await RedeemAsync(client, callback["code"], verifier);
    }

    [Fact]
    public async Task Denying_consent_sends_access_denied_to_the_client()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await ClientCallback.InstallAsync(page, TestRealm.SpaRedirect);
        var request = OAuthTestClient.CodeRequest(OAuthTestClient.NewVerifier(), "spa", TestRealm.SpaRedirect, Scope);

        await SignInAndAnswerConsentAsync(page, request, "Deny");

        // RFC 6749 §4.1.2.1: the error goes to the client with its state; there is no code.
        var callback = await ClientCallback.ReachedAsync(page, TestRealm.SpaRedirect);
        Assert.Equal("access_denied", callback["error"]);
        Assert.Equal(request["state"], callback["state"]);
        Assert.Equal(server.Issuer, callback["iss"]);
        Assert.False(callback.ContainsKey("code"));
    }

    [Fact]
    public async Task Login_and_consent_work_with_javascript_disabled()
    {
        await using var context = await chromium.NewContextAsync(javaScriptEnabled: false);
        var page = await context.NewPageAsync();
        await ClientCallback.InstallAsync(page, TestRealm.SpaRedirect);
        var verifier = OAuthTestClient.NewVerifier();
        var request = OAuthTestClient.CodeRequest(verifier, "spa", TestRealm.SpaRedirect, Scope);

        await SignInAndAnswerConsentAsync(page, request, "Allow");

        var callback = await ClientCallback.ReachedAsync(page, TestRealm.SpaRedirect);
        Assert.Equal(request["state"], callback["state"]);
        using var client = server.NewClient();
        await RedeemAsync(client, callback["code"], verifier);
    }

    private async Task SignInAndAnswerConsentAsync(IPage page, Dictionary<string, string> request, string decision)
    {
        await page.GotoAsync(AuthorizeUrl(request));
        // Not alice: her consent from the first test would skip the consent page.
        await SubmitLoginAsync(page, await TestUsers.CreateAsync(server), TestRealm.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = decision }).ClickAsync();
    }

    private static async Task SubmitLoginAsync(IPage page, string username, string password)
    {
        await page.GetByLabel("Username or email").FillAsync(username);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    private static async Task<TokenResult> RedeemAsync(OAuthTestClient client, string code, string verifier)
    {
        var tokens = await client.TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = TestRealm.SpaRedirect,
            ["client_id"] = "spa", ["code_verifier"] = verifier,
        });
        Assert.True(tokens.Status == HttpStatusCode.OK, $"token endpoint said {(int)tokens.Status}: {tokens.Json}");
        return tokens;
    }

    /// <summary>RFC 6749 §10.13: the login and consent pages must refuse to be framed (clickjacking).</summary>
    private static void AssertCannotBeFramed(IResponse response)
    {
        Assert.Equal(200, response.Status);
        Assert.Equal("DENY", response.Headers["x-frame-options"]);
        Assert.Contains("frame-ancestors 'none'", response.Headers["content-security-policy"]);
    }

    private string AuthorizeUrl(Dictionary<string, string> request) =>
        server.BaseUrl + QueryHelpers.AddQueryString($"/realms/{TestRealm.Name}/authorize",
            request.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));
}
