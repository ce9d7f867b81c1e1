using System.Net;
using Latchkey.Server.Tests.Infrastructure;

namespace Latchkey.Server.Tests;

/// <summary>Consent remembered per user and client; only new scopes are asked; deny reaches the client.</summary>
public sealed class ConsentPageTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    private async Task<string> ConsentPageAsync(OAuthTestClient browser, string scope, string? prompt = null)
    {
        var request = OAuthTestClient.CodeRequest(OAuthTestClient.NewVerifier(), scope: scope);
        if (prompt is not null) request["prompt"] = prompt;
        var response = await browser.GetAsync(browser.AuthorizeUrl(request));
        var location = response.Headers.Location!.OriginalString;
        if (location.StartsWith("/realms/test/login"))
            location = (await browser.SubmitLoginAsync(location, "alice", TestRealm.Password)).Headers.Location!.OriginalString;
        location = (await browser.GetAsync(location)).Headers.Location?.OriginalString ?? location;
        Assert.StartsWith("/realms/test/consent", location);
        return location;
    }

    [Fact]
    public async Task Lists_scopes_in_plain_words_and_asks_only_for_new_ones_next_time()
    {
        using var browser = server.NewClient();
        var first = await (await browser.GetAsync(await ConsentPageAsync(browser, "openid profile"))).Content.ReadAsStringAsync();
        Assert.Contains("See your name and username", first);
        Assert.Contains("Test Web", first);
        await browser.AuthorizeAsync(OAuthTestClient.CodeRequest(OAuthTestClient.NewVerifier(), scope: "openid profile"));

        var second = await (await browser.GetAsync(await ConsentPageAsync(browser, "openid profile api"))).Content.ReadAsStringAsync();
        Assert.Contains("Use the test API", second);
        Assert.DoesNotContain("See your name and username", second);
    }

    [Fact]
    public async Task Remembered_consent_skips_the_page_and_prompt_consent_asks_again()
    {
        using var browser = server.NewClient();
        await browser.AuthorizeAsync(OAuthTestClient.CodeRequest(OAuthTestClient.NewVerifier(), scope: "openid email"));
        var again = await browser.GetAsync(browser.AuthorizeUrl(OAuthTestClient.CodeRequest(OAuthTestClient.NewVerifier(), scope: "openid email")));
        Assert.StartsWith(TestRealm.WebRedirect, again.Headers.Location!.OriginalString);

        var forced = await ConsentPageAsync(browser, "openid email", prompt: "consent");
        var response = await browser.SubmitConsentAsync(forced, "allow");
        var back = await browser.GetAsync(response.Headers.Location!.OriginalString);
        Assert.StartsWith(TestRealm.WebRedirect + "?code=", back.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Deny_sends_access_denied_to_the_client_with_state()
    {
        using var browser = server.NewClient();
        var request = OAuthTestClient.CodeRequest(OAuthTestClient.NewVerifier(), scope: "openid");
        var response = await browser.FollowAsync(browser.AuthorizeUrl(request), username: "bob", allow: false);
        var delivered = OAuthTestClient.ResponseParameters(response.Headers.Location!);
        Assert.Equal("access_denied", delivered["error"]);
        Assert.Equal(request["state"], delivered["state"]);
        Assert.Equal(server.Issuer, delivered["iss"]);
    }

    [Fact]
    public async Task Consent_without_a_session_goes_to_login_and_double_submit_is_harmless()
    {
        using var browser = server.NewClient();
        var consent = await ConsentPageAsync(browser, "openid");
        var page = await (await browser.GetAsync(consent)).Content.ReadAsStringAsync();
        var first = await browser.Http.PostAsync(consent, OAuthTestClient.Form(page, ("decision", "allow")));
        var second = await browser.Http.PostAsync(consent, OAuthTestClient.Form(page, ("decision", "allow")));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        using var stranger = server.NewClient();
        var anonymous = await stranger.GetAsync(consent);
        Assert.StartsWith("/realms/test/login", anonymous.Headers.Location!.OriginalString);
    }
}
