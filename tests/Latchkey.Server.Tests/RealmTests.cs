using System.Net;
using Latchkey.Server.Tests.Infrastructure;

namespace Latchkey.Server.Tests;

/// <summary>Each realm is its own issuer with its own keys, users and sessions; ES256 and PS256 are selectable per realm.</summary>
public sealed class RealmTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    [Theory]
    [InlineData("es", "ES256", "EC")]
    [InlineData("ps", "PS256", "RSA")]
    public async Task Realm_signs_with_its_configured_algorithm(string realm, string alg, string kty)
    {
        using var client = server.NewClient(realm);
        var tokens = await client.CodeFlowAsync(scope: "openid");
        Assert.Equal(alg, Jwt.Header(tokens.IdToken!).GetProperty("alg").GetString());
        var validated = await Jwt.ValidateAsync(client, tokens.IdToken!, "web");
        Assert.True(validated.IsValid, validated.Exception?.Message);
        var access = await Jwt.ValidateAsync(client, tokens.AccessToken, "web", "at+jwt");
        Assert.True(access.IsValid, access.Exception?.Message);
        var jwks = await client.Http.GetStringAsync($"/realms/{realm}/jwks");
        Assert.Contains($"\"kty\":\"{kty}\"", jwks);
    }

    [Fact]
    public async Task A_token_from_one_realm_is_rejected_by_another()
    {
        using var es = server.NewClient("es");
        var tokens = await es.CodeFlowAsync(scope: "openid");
        Assert.Equal(HttpStatusCode.Unauthorized, (await es.UserInfoAsync(tokens.AccessToken, "/realms/ps")).StatusCode);
    }

    [Fact]
    public async Task A_login_session_in_one_realm_is_not_a_session_in_another()
    {
        using var browser = server.NewClient("es");
        await browser.CodeFlowAsync(scope: "openid");
        var other = await browser.GetAsync(browser.AuthorizeUrl(OAuthTestClient.CodeRequest(OAuthTestClient.NewVerifier(), scope: "openid"))
            .Replace("/realms/es/", "/realms/ps/"));
        Assert.StartsWith("/realms/ps/login", other.Headers.Location!.OriginalString);
    }
}
