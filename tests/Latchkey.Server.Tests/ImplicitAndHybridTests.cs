using System.Net;
using System.Security.Cryptography;
using System.Text;
using Latchkey.Server.Tests.Infrastructure;

namespace Latchkey.Server.Tests;

/// <summary>OIDC Core §3.2 (implicit) and §3.3 (hybrid): tokens only in the fragment or form_post, nonce, at_hash, c_hash.</summary>
public sealed class ImplicitAndHybridTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    private const string LegacyRedirect = "https://legacy.example/cb";

    private static Dictionary<string, string> Request(string clientId, string responseType, string scope = "openid profile api", bool nonce = true)
    {
        var request = OAuthTestClient.CodeRequest(OAuthTestClient.NewVerifier(), clientId,
            clientId == "legacy-spa" ? LegacyRedirect : TestRealm.WebRedirect, scope, ("response_type", responseType));
        if (!nonce) request.Remove("nonce");
        if (!responseType.Contains("code")) { request.Remove("code_challenge"); request.Remove("code_challenge_method"); }
        return request;
    }

    private async Task<(Uri Callback, Dictionary<string, string> Parameters)> AuthorizeAsync(OAuthTestClient browser, Dictionary<string, string> request)
    {
        var response = await browser.FollowAsync(browser.AuthorizeUrl(request));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (response.Headers.Location!, OAuthTestClient.ResponseParameters(response.Headers.Location!));
    }

    /// <summary>OIDC Core §3.1.3.6, computed here independently of the server's code.</summary>
    private static string HalfHash(string value)
    {
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(value));
        return Convert.ToBase64String(hash, 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    [Fact]
    public async Task Token_response_type_returns_an_access_token_in_the_fragment_only()
    {
        using var browser = server.NewClient();
        var request = Request("legacy-spa", "token", "api");
        var (callback, p) = await AuthorizeAsync(browser, request);
        Assert.Empty(callback.Query);
        Assert.Equal("Bearer", p["token_type"]);
        Assert.Equal("300", p["expires_in"]);
        Assert.Equal(request["state"], p["state"]);
        Assert.Equal(server.Issuer, p["iss"]);
        Assert.False(p.ContainsKey("code"));
        Assert.False(p.ContainsKey("refresh_token"));
        var validated = await Jwt.ValidateAsync(browser, p["access_token"], "test-api", "at+jwt");
        Assert.True(validated.IsValid, validated.Exception?.Message);
    }

    [Fact]
    public async Task Id_token_response_type_needs_a_nonce_and_echoes_it()
    {
        using var browser = server.NewClient();
        var (_, refused) = await AuthorizeAsync(browser, Request("legacy-spa", "id_token", nonce: false));
        Assert.Equal("invalid_request", refused["error"]);
        Assert.Contains("nonce", refused["error_description"]);

        var request = Request("legacy-spa", "id_token");
        var (_, p) = await AuthorizeAsync(browser, request);
        Assert.False(p.ContainsKey("access_token"));
        var validated = await Jwt.ValidateAsync(browser, p["id_token"], "legacy-spa");
        Assert.True(validated.IsValid, validated.Exception?.Message);
        var claims = Jwt.Payload(p["id_token"]);
        Assert.Equal(request["nonce"], claims.GetProperty("nonce").GetString());
        Assert.Equal("alice", claims.GetProperty("preferred_username").GetString());
        Assert.False(claims.TryGetProperty("at_hash", out _));
    }

    [Fact]
    public async Task Id_token_token_binds_the_access_token_with_at_hash()
    {
        using var browser = server.NewClient();
        var (_, p) = await AuthorizeAsync(browser, Request("legacy-spa", "id_token token"));
        Assert.Equal(HalfHash(p["access_token"]), Jwt.Payload(p["id_token"]).GetProperty("at_hash").GetString());
    }

    [Theory]
    [InlineData("code id_token")]
    [InlineData("code token")]
    [InlineData("code id_token token")]
    [InlineData("id_token code")]
    public async Task Hybrid_returns_a_code_that_redeems_and_binds_it_with_c_hash(string responseType)
    {
        using var browser = server.NewClient();
        var request = Request("hybrid", responseType);
        var verifier = OAuthTestClient.NewVerifier();
        request["code_challenge"] = OAuthTestClient.ChallengeOf(verifier);
        var (callback, p) = await AuthorizeAsync(browser, request);
        Assert.Empty(callback.Query);
        Assert.Equal(responseType.Split(" ").Contains("token"), p.ContainsKey("access_token"));
        if (p.TryGetValue("id_token", out var idToken))
        {
            var claims = Jwt.Payload(idToken);
            Assert.Equal(HalfHash(p["code"]), claims.GetProperty("c_hash").GetString());
            if (p.TryGetValue("access_token", out var access)) Assert.Equal(HalfHash(access), claims.GetProperty("at_hash").GetString());
        }
        var tokens = await browser.TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = p["code"], ["redirect_uri"] = TestRealm.WebRedirect, ["code_verifier"] = verifier,
        }, "hybrid", TestRealm.WebSecret);
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        Assert.Equal(request["nonce"], Jwt.Payload(tokens.IdToken!).GetProperty("nonce").GetString());
    }

    [Fact]
    public async Task Form_post_delivers_hybrid_tokens_in_the_body()
    {
        using var browser = server.NewClient();
        var request = Request("hybrid", "code id_token");
        request["response_mode"] = "form_post";
        var page = await browser.FollowAsync(browser.AuthorizeUrl(request));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("name=\"id_token\"", html);
        Assert.Contains("name=\"code\"", html);
    }

    [Fact]
    public async Task Query_response_mode_is_refused_for_tokens_and_the_error_goes_in_the_fragment()
    {
        using var browser = server.NewClient();
        var request = Request("legacy-spa", "token", "api");
        request["response_mode"] = "query";
        var response = await browser.GetAsync(browser.AuthorizeUrl(request));
        Assert.Empty(response.Headers.Location!.Query);
        Assert.Equal("invalid_request", OAuthTestClient.ResponseParameters(response.Headers.Location!)["error"]);
    }

    [Theory]
    [InlineData("web", "token")]
    [InlineData("web", "code id_token")]
    [InlineData("legacy-spa", "code")]
    [InlineData("legacy-spa", "code token")]
    public async Task Each_response_type_needs_its_switches(string clientId, string responseType)
    {
        using var browser = server.NewClient();
        var response = await browser.GetAsync(browser.AuthorizeUrl(Request(clientId, responseType)));
        Assert.Equal("unauthorized_client", OAuthTestClient.ResponseParameters(response.Headers.Location!)["error"]);
    }

    [Fact]
    public async Task Id_token_without_openid_is_invalid_request()
    {
        using var browser = server.NewClient();
        var response = await browser.GetAsync(browser.AuthorizeUrl(Request("legacy-spa", "id_token", "api")));
        Assert.Equal("invalid_request", OAuthTestClient.ResponseParameters(response.Headers.Location!)["error"]);
    }
}
