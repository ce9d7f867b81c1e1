using System.Net;
using Latchkey.Server.Tests.Infrastructure;

namespace Latchkey.Server.Tests;

/// <summary>RFC 6749 §4.1.2.1 / OIDC Core §3.1.2.6: which errors go to a page and which back to the client.</summary>
public sealed class AuthorizeEndpointTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    private static Dictionary<string, string> Request(params (string, string?)[] overrides) =>
        OAuthTestClient.CodeRequest(OAuthTestClient.NewVerifier(), overrides: overrides);

    private async Task<HttpResponseMessage> Get(Dictionary<string, string> request)
    {
        using var client = server.NewClient();
        return await client.GetAsync(client.AuthorizeUrl(request));
    }

    [Theory]
    [InlineData("client_id", "nobody")]
    [InlineData("client_id", null)]
    [InlineData("redirect_uri", "https://evil.example/cb")]
    [InlineData("redirect_uri", "https://client.example/cb/extra")]
    [InlineData("redirect_uri", null)]
    public async Task Untrusted_client_or_redirect_uri_gets_an_error_page_never_a_redirect(string name, string? value)
    {
        var response = await Get(Request((name, value)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("We can't continue this sign-in", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Repeated_client_id_gets_an_error_page()
    {
        using var client = server.NewClient();
        var url = client.AuthorizeUrl(Request()) + "&client_id=web";
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Theory]
    [InlineData("response_type", null, "invalid_request")]
    [InlineData("response_type", "code foo", "unsupported_response_type")]
    [InlineData("scope", "openid admin", "invalid_scope")]
    [InlineData("code_challenge_method", "plain", "invalid_request")]
    [InlineData("code_challenge_method", "S512", "invalid_request")]
    [InlineData("code_challenge", "too-short", "invalid_request")]
    [InlineData("prompt", "none login", "invalid_request")]
    [InlineData("prompt", "sometimes", "invalid_request")]
    [InlineData("max_age", "-1", "invalid_request")]
    [InlineData("request", "eyJhbGciOiJub25lIn0.e30.", "request_not_supported")]
    [InlineData("response_mode", "jwt", "invalid_request")]
    public async Task Bad_parameters_are_reported_to_the_registered_redirect_uri_with_state_and_iss(string name, string? value, string error)
    {
        var request = Request((name, value));
        var response = await Get(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(TestRealm.WebRedirect + "?", response.Headers.Location!.OriginalString);
        var delivered = OAuthTestClient.ResponseParameters(response.Headers.Location!);
        Assert.Equal(error, delivered["error"]);
        Assert.Equal(request["state"], delivered["state"]);
        Assert.Equal(server.Issuer, delivered["iss"]);
    }

    [Fact]
    public async Task Parameter_over_2KB_is_invalid_request()
    {
        var response = await Get(Request(("nonce", new string('n', 2100))));
        Assert.Equal("invalid_request", OAuthTestClient.ResponseParameters(response.Headers.Location!)["error"]);
    }

    [Fact]
    public async Task Public_client_without_pkce_is_refused()
    {
        var request = OAuthTestClient.CodeRequest(OAuthTestClient.NewVerifier(), "spa", TestRealm.SpaRedirect,
            overrides: [("code_challenge", null), ("code_challenge_method", null)]);
        var delivered = OAuthTestClient.ResponseParameters((await Get(request)).Headers.Location!);
        Assert.Equal("invalid_request", delivered["error"]);
        Assert.Contains("code_challenge", delivered["error_description"]);
    }

    [Fact]
    public async Task Client_without_standard_flow_is_unauthorized()
    {
        var request = OAuthTestClient.CodeRequest(OAuthTestClient.NewVerifier(), "no-flows", scope: "openid");
        Assert.Equal("unauthorized_client", OAuthTestClient.ResponseParameters((await Get(request)).Headers.Location!)["error"]);
    }

    [Fact]
    public async Task Prompt_none_without_a_session_is_login_required()
    {
        var delivered = OAuthTestClient.ResponseParameters((await Get(Request(("prompt", "none")))).Headers.Location!);
        Assert.Equal("login_required", delivered["error"]);
    }

    [Fact]
    public async Task Prompt_none_with_a_session_but_no_consent_is_consent_required()
    {
        using var browser = server.NewClient();
        await browser.CodeFlowAsync(scope: "openid", username: "bob");
        var response = await browser.GetAsync(browser.AuthorizeUrl(Request(("prompt", "none"), ("scope", "openid api"))));
        Assert.Equal("consent_required", OAuthTestClient.ResponseParameters(response.Headers.Location!)["error"]);
    }

    [Fact]
    public async Task Prompt_none_with_session_and_consent_issues_a_code_silently()
    {
        using var browser = server.NewClient();
        await browser.CodeFlowAsync(scope: "openid profile", username: "bob");
        var response = await browser.GetAsync(browser.AuthorizeUrl(Request(("prompt", "none"), ("scope", "openid profile"))));
        Assert.Contains("code", OAuthTestClient.ResponseParameters(response.Headers.Location!).Keys);
    }

    [Fact]
    public async Task Prompt_login_and_max_age_zero_ask_for_the_password_again()
    {
        using var browser = server.NewClient();
        await browser.CodeFlowAsync(scope: "openid");
        foreach (var overrides in new[] { ("prompt", "login"), ("max_age", "0") })
        {
            server.Clock.Advance(TimeSpan.FromSeconds(1));
            var response = await browser.GetAsync(browser.AuthorizeUrl(Request(overrides, ("scope", "openid"))));
            Assert.StartsWith("/realms/test/login", response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task Max_age_zero_is_satisfied_by_the_fresh_login_and_auth_time_shows_it()
    {
        using var browser = server.NewClient();
        await browser.CodeFlowAsync(scope: "openid");
        server.Clock.Advance(TimeSpan.FromMinutes(2));
        var verifier = OAuthTestClient.NewVerifier();
        var callback = await browser.AuthorizeAsync(OAuthTestClient.CodeRequest(verifier, scope: "openid", overrides: [("max_age", "0")]));
        var tokens = await browser.TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = callback["code"], ["redirect_uri"] = TestRealm.WebRedirect, ["code_verifier"] = verifier,
        }, "web", TestRealm.WebSecret);
        var authTime = Jwt.Payload(tokens.IdToken!).GetProperty("auth_time").GetInt64();
        Assert.True(server.Clock.GetUtcNow().ToUnixTimeSeconds() - authTime <= 5);
    }

    [Fact]
    public async Task Fragment_response_mode_puts_the_code_in_the_fragment()
    {
        using var browser = server.NewClient();
        var callback = await browser.FollowAsync(browser.AuthorizeUrl(Request(("response_mode", "fragment"))));
        Assert.Empty(callback.Headers.Location!.Query);
        Assert.Contains("code", OAuthTestClient.ResponseParameters(callback.Headers.Location!).Keys);
    }

    [Fact]
    public async Task Form_post_response_mode_renders_an_auto_submitting_form_to_the_redirect_uri()
    {
        using var browser = server.NewClient();
        var request = Request(("response_mode", "form_post"));
        var page = await browser.FollowAsync(browser.AuthorizeUrl(request));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains($"action=\"{TestRealm.WebRedirect}\"", html);
        Assert.Contains("name=\"code\"", html);
        Assert.Contains($"name=\"state\" value=\"{request["state"]}\"", html);
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Native_client_may_use_any_loopback_port_rfc8252()
    {
        var request = OAuthTestClient.CodeRequest(OAuthTestClient.NewVerifier(), "native", "http://127.0.0.1:51004/callback", "openid");
        using var browser = server.NewClient();
        var response = await browser.FollowAsync(browser.AuthorizeUrl(request));
        Assert.StartsWith("http://127.0.0.1:51004/callback?code=", response.Headers.Location!.OriginalString);

        var wrongPath = OAuthTestClient.CodeRequest(OAuthTestClient.NewVerifier(), "native", "http://127.0.0.1:51004/other", "openid");
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.GetAsync(browser.AuthorizeUrl(wrongPath))).StatusCode);
    }

    [Fact]
    public async Task Unknown_realm_is_404()
    {
        using var client = server.NewClient();
        var response = await client.GetAsync("/realms/nowhere/authorize?client_id=web");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Authorize_accepts_post()
    {
        using var client = server.NewClient();
        var response = await client.Http.PostAsync("/realms/test/authorize", new FormUrlEncodedContent(Request()));
        Assert.StartsWith("/realms/test/login", response.Headers.Location!.OriginalString);
    }
}
