using System.Net;
using Latchkey.Server.Tests.Infrastructure;

namespace Latchkey.Server.Tests;

/// <summary>Reference (opaque) access tokens: random handles stored hashed, checked by introspection, revocable at once.</summary>
public sealed class ReferenceTokenTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    private static async Task<HttpStatusCode> UserInfoAsync(OAuthTestClient client, string token) =>
        (await client.UserInfoAsync(token)).StatusCode;

    [Fact]
    public async Task A_reference_token_is_opaque_and_introspection_tells_its_claims()
    {
        using var client = server.NewClient();
        var token = await client.TokenAsync(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "api" }, "opaque", TestRealm.WebSecret);
        Assert.Equal(HttpStatusCode.OK, token.Status);
        Assert.DoesNotContain('.', token.AccessToken);
        var introspected = await client.PostFormAsync("introspect", new Dictionary<string, string> { ["token"] = token.AccessToken }, "test-api", TestRealm.WebSecret);
        Assert.True(introspected.Json.GetProperty("active").GetBoolean());
        Assert.Equal("opaque", introspected.Json.GetProperty("client_id").GetString());
        Assert.Equal("api", introspected.Json.GetProperty("scope").GetString());

        server.Clock.Advance(TimeSpan.FromMinutes(6));
        var expired = await client.PostFormAsync("introspect", new Dictionary<string, string> { ["token"] = token.AccessToken }, "test-api", TestRealm.WebSecret);
        Assert.Equal("""{"active":false}""", expired.Json.GetRawText());
    }

    [Fact]
    public async Task Userinfo_accepts_it_and_revocation_ends_it_at_once_everywhere()
    {
        using var client = server.NewClient();
        var tokens = await client.CodeFlowAsync(scope: "openid profile offline_access", clientId: "opaque");
        Assert.DoesNotContain('.', tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, await UserInfoAsync(client, tokens.AccessToken));
        // at_hash binds the ID token to the handle just as to a JWT (OIDC Core §3.1.3.6).
        Assert.True(Jwt.Payload(tokens.IdToken!).TryGetProperty("sub", out _));

        Assert.Equal(HttpStatusCode.OK, (await client.PostFormAsync("revoke", new Dictionary<string, string> { ["token"] = tokens.AccessToken }, "opaque", TestRealm.WebSecret)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, await UserInfoAsync(client, tokens.AccessToken));
        var refresh = await client.TokenAsync(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = tokens.RefreshToken! }, "opaque", TestRealm.WebSecret);
        Assert.Equal("invalid_grant", refresh.Error);
    }

    [Fact]
    public async Task A_made_up_handle_is_just_invalid()
    {
        using var client = server.NewClient();
        Assert.Equal(HttpStatusCode.Unauthorized, await UserInfoAsync(client, "not-a-handle-we-issued"));
        Assert.Equal(HttpStatusCode.Unauthorized, await UserInfoAsync(client, new string('x', 500)));
    }
}
