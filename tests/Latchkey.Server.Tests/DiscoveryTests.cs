using System.Net;
using System.Text.Json;
using Latchkey.Server.Tests.Infrastructure;

namespace Latchkey.Server.Tests;

/// <summary>OIDC Discovery §4 and RFC 8414 §3: accurate metadata at both well-known locations, and JWKS.</summary>
public sealed class DiscoveryTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    [Theory]
    [InlineData("/realms/test/.well-known/openid-configuration")]
    [InlineData("/.well-known/oauth-authorization-server/realms/test")]
    public async Task Metadata_names_the_issuer_and_only_what_is_implemented(string path)
    {
        using var client = server.NewClient();
        var doc = JsonDocument.Parse(await client.Http.GetStringAsync(path)).RootElement;
        Assert.Equal(server.Issuer, doc.GetProperty("issuer").GetString());
        Assert.Equal(["code", "token", "id_token", "id_token token", "code id_token", "code token", "code id_token token"],
            doc.GetProperty("response_types_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["authorization_code", "client_credentials", "password", "refresh_token", "urn:ietf:params:oauth:grant-type:device_code",
                      "urn:ietf:params:oauth:grant-type:token-exchange", "urn:openid:params:grant-type:ciba"],
            doc.GetProperty("grant_types_supported").EnumerateArray().Select(e => e.GetString()).Order());
        Assert.Contains("api", doc.GetProperty("scopes_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.True(doc.GetProperty("authorization_response_iss_parameter_supported").GetBoolean());

        foreach (var endpoint in new[] { "authorization_endpoint", "token_endpoint", "userinfo_endpoint", "jwks_uri", "introspection_endpoint", "revocation_endpoint", "end_session_endpoint",
                     "device_authorization_endpoint" })
        {
            var url = doc.GetProperty(endpoint).GetString()!;
            Assert.StartsWith(server.Issuer + "/", url);
            var response = await client.Http.GetAsync(url);
            Assert.NotEqual(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task Jwks_publishes_the_signing_key_with_kid_use_and_alg()
    {
        using var client = server.NewClient();
        var key = JsonDocument.Parse(await client.Http.GetStringAsync("/realms/test/jwks")).RootElement.GetProperty("keys")[0];
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.Equal("sig", key.GetProperty("use").GetString());
        Assert.Equal("RS256", key.GetProperty("alg").GetString());
        Assert.False(key.TryGetProperty("d", out _));
        var tokens = await client.CodeFlowAsync(scope: "openid");
        Assert.Equal(key.GetProperty("kid").GetString(), Jwt.Header(tokens.AccessToken).GetProperty("kid").GetString());
    }

    [Fact]
    public async Task Unknown_realm_has_no_metadata()
    {
        using var client = server.NewClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/realms/nowhere/.well-known/openid-configuration")).StatusCode);
    }
}
