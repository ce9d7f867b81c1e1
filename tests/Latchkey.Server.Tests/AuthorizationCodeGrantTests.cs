using System.Net;
using Latchkey.Server.Tests.Infrastructure;

namespace Latchkey.Server.Tests;

/// <summary>RFC 6749 §4.1.3 and RFC 7636 §4.6 at /token: single use, expiry, redirect_uri and PKCE checks.</summary>
public sealed class AuthorizationCodeGrantTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    private async Task<(OAuthTestClient Browser, string Code, string Verifier)> IssueCodeAsync(string clientId = "web", bool pkce = true)
    {
        var browser = server.NewClient();
        var verifier = OAuthTestClient.NewVerifier();
        var redirect = clientId == "spa" ? TestRealm.SpaRedirect : TestRealm.WebRedirect;
        var request = OAuthTestClient.CodeRequest(verifier, clientId, redirect, clientId == "spa" ? "openid offline_access" : "openid offline_access api");
        if (!pkce) { request.Remove("code_challenge"); request.Remove("code_challenge_method"); }
        var callback = await browser.AuthorizeAsync(request);
        return (browser, callback["code"], verifier);
    }

    private static Dictionary<string, string> Redeem(string code, string? verifier, string redirect = TestRealm.WebRedirect)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = redirect };
        if (verifier is not null) form["code_verifier"] = verifier;
        return form;
    }

    [Fact]
    public async Task Replayed_code_fails_and_revokes_the_tokens_issued_from_it()
    {
        var (browser, code, verifier) = await IssueCodeAsync();
        using var _ = browser;
        var first = await browser.TokenAsync(Redeem(code, verifier), "web", TestRealm.WebSecret);
        Assert.Equal(HttpStatusCode.OK, first.Status);

        var replay = await browser.TokenAsync(Redeem(code, verifier), "web", TestRealm.WebSecret);
        Assert.Equal("invalid_grant", replay.Error);

        var refresh = await browser.TokenAsync(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = first.RefreshToken! },
            "web", TestRealm.WebSecret);
        Assert.Equal("invalid_grant", refresh.Error);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.UserInfoAsync(first.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task Code_expires_after_60_seconds()
    {
        var (browser, code, verifier) = await IssueCodeAsync();
        using var _ = browser;
        server.Clock.Advance(TimeSpan.FromSeconds(61));
        var result = await browser.TokenAsync(Redeem(code, verifier), "web", TestRealm.WebSecret);
        Assert.Equal("invalid_grant", result.Error);
        Assert.Contains("expired", result["error_description"]);
    }

    [Theory]
    [InlineData(null, "code_verifier is required")]
    [InlineData("short", "malformed")]
    [InlineData("wrong-verifier-wrong-verifier-wrong-verifier-wrong", "does not match")]
    public async Task Pkce_verifier_must_match_the_challenge(string? verifier, string description)
    {
        var (browser, code, _) = await IssueCodeAsync();
        using var _ = browser;
        var result = await browser.TokenAsync(Redeem(code, verifier), "web", TestRealm.WebSecret);
        Assert.Equal("invalid_grant", result.Error);
        Assert.Contains(description, result["error_description"]);
    }

    [Fact]
    public async Task Verifier_for_a_code_issued_without_a_challenge_is_refused()
    {
        var browser = server.NewClient();
        using var _ = browser;
        var request = OAuthTestClient.CodeRequest(OAuthTestClient.NewVerifier(), "trusted", scope: "openid",
            overrides: [("code_challenge", null), ("code_challenge_method", null)]);
        var callback = await browser.AuthorizeAsync(request);
        var result = await browser.TokenAsync(Redeem(callback["code"], OAuthTestClient.NewVerifier()), "trusted", TestRealm.WebSecret);
        Assert.Equal("invalid_grant", result.Error);
    }

    [Fact]
    public async Task Redirect_uri_must_match_the_authorization_request()
    {
        var (browser, code, verifier) = await IssueCodeAsync();
        using var _ = browser;
        var result = await browser.TokenAsync(Redeem(code, verifier, "https://client.example/other"), "web", TestRealm.WebSecret);
        Assert.Equal("invalid_grant", result.Error);
        var good = await browser.TokenAsync(Redeem(code, verifier), "web", TestRealm.WebSecret);
        Assert.Equal("invalid_grant", good.Error); // the failed attempt consumed it: codes are single use
    }

    [Fact]
    public async Task Another_client_cannot_redeem_or_burn_the_code()
    {
        var (browser, code, verifier) = await IssueCodeAsync();
        using var _ = browser;
        var stolen = await browser.TokenAsync(Redeem(code, verifier), "trusted", TestRealm.WebSecret);
        Assert.Equal("invalid_grant", stolen.Error);
        var owner = await browser.TokenAsync(Redeem(code, verifier), "web", TestRealm.WebSecret);
        Assert.Equal(HttpStatusCode.OK, owner.Status);
    }

    [Fact]
    public async Task Public_client_redeems_with_client_id_and_verifier_only()
    {
        var (browser, code, verifier) = await IssueCodeAsync("spa");
        using var _ = browser;
        var form = Redeem(code, verifier, TestRealm.SpaRedirect);
        form["client_id"] = "spa";
        var result = await browser.TokenAsync(form);
        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.NotNull(result.RefreshToken);
        Assert.Equal("spa", Jwt.Payload(result.AccessToken).GetProperty("aud").GetString());
    }

    [Fact]
    public async Task Plain_pkce_works_only_for_a_client_configured_for_it()
    {
        var browser = server.NewClient();
        using var _ = browser;
        var verifier = OAuthTestClient.NewVerifier();
        var request = OAuthTestClient.CodeRequest(verifier, "plain", scope: "openid",
            overrides: [("code_challenge", verifier), ("code_challenge_method", "plain")]);
        var callback = await browser.AuthorizeAsync(request);
        var result = await browser.TokenAsync(Redeem(callback["code"], verifier), "plain", TestRealm.WebSecret);
        Assert.Equal(HttpStatusCode.OK, result.Status);
    }

    [Fact]
    public async Task Unknown_code_is_invalid_grant()
    {
        using var client = server.NewClient();
        var result = await client.TokenAsync(Redeem("not-a-code", OAuthTestClient.NewVerifier()), "web", TestRealm.WebSecret);
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("invalid_grant", result.Error);
    }
}
