using System.Net;
using Latchkey.Server.Tests.Infrastructure;

namespace Latchkey.Server.Tests;

/// <summary>RFC 6749 §4.1 + RFC 7636 + OIDC Core §3.1, end to end over HTTP.</summary>
public sealed class AuthorizationCodeFlowTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    [Fact]
    public async Task Confidential_client_gets_access_id_and_refresh_tokens_through_login_and_consent()
    {
        using var client = server.NewClient();
        var verifier = OAuthTestClient.NewVerifier();
        var request = OAuthTestClient.CodeRequest(verifier);
        var callback = await client.AuthorizeAsync(request);

        Assert.Equal(request["state"], callback["state"]);
        Assert.Equal(server.Issuer, callback["iss"]); // RFC 9207
        var tokens = await client.TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = callback["code"],
            ["redirect_uri"] = TestRealm.WebRedirect, ["code_verifier"] = verifier,
        }, "web", TestRealm.WebSecret);

        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        Assert.Equal("no-store", tokens.Response.Headers.CacheControl?.ToString());
        Assert.Equal("Bearer", tokens["token_type"]);
        Assert.Equal("300", tokens["expires_in"]);
        Assert.NotNull(tokens.RefreshToken);

        var access = await Jwt.ValidateAsync(client, tokens.AccessToken, "test-api", "at+jwt");
        Assert.True(access.IsValid, access.Exception?.Message);
        var claims = Jwt.Payload(tokens.AccessToken);
        Assert.Equal("web", claims.GetProperty("client_id").GetString());
        Assert.Equal("openid profile email offline_access api", claims.GetProperty("scope").GetString());
        Assert.True(claims.TryGetProperty("jti", out _));
        Assert.True(claims.TryGetProperty("auth_time", out _));

        var id = await Jwt.ValidateAsync(client, tokens.IdToken!, "web");
        Assert.True(id.IsValid, id.Exception?.Message);
        var idClaims = Jwt.Payload(tokens.IdToken!);
        Assert.Equal(request["nonce"], idClaims.GetProperty("nonce").GetString());
        Assert.Equal("web", idClaims.GetProperty("azp").GetString());
        Assert.Equal("alice@example.com", idClaims.GetProperty("email").GetString());
        Assert.Equal("pwd", idClaims.GetProperty("amr")[0].GetString());
        Assert.True(idClaims.TryGetProperty("sid", out _));
        Assert.Equal(claims.GetProperty("sub").GetString(), idClaims.GetProperty("sub").GetString());
    }

    [Fact]
    public async Task Second_client_signs_in_without_a_password_prompt()
    {
        using var browser = server.NewClient();
        await browser.CodeFlowAsync();
        var second = await browser.GetAsync(browser.AuthorizeUrl(OAuthTestClient.CodeRequest(OAuthTestClient.NewVerifier(), "trusted", scope: "openid")));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.StartsWith(TestRealm.WebRedirect + "?code=", second.Headers.Location!.OriginalString);
    }
}
