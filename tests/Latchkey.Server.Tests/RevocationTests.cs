using System.Net;
using Latchkey.Server.Tests.Infrastructure;

namespace Latchkey.Server.Tests;

/// <summary>RFC 7009: revoking a refresh or access token revokes its grant; unknown tokens get 200; other clients' tokens are refused.</summary>
public sealed class RevocationTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    private static Dictionary<string, string> Refresh(string token) => new() { ["grant_type"] = "refresh_token", ["refresh_token"] = token };

    [Fact]
    public async Task Revoking_a_refresh_token_revokes_the_family_and_its_access_tokens()
    {
        using var client = server.NewClient();
        var tokens = await client.CodeFlowAsync(scope: "openid offline_access");
        var revoke = await client.PostFormAsync("revoke", new Dictionary<string, string> { ["token"] = tokens.RefreshToken!, ["token_type_hint"] = "refresh_token" },
            "web", TestRealm.WebSecret);
        Assert.Equal(HttpStatusCode.OK, revoke.Status);
        Assert.Equal("invalid_grant", (await client.TokenAsync(Refresh(tokens.RefreshToken!), "web", TestRealm.WebSecret)).Error);
        var introspected = await client.PostFormAsync("introspect", new Dictionary<string, string> { ["token"] = tokens.AccessToken }, "web", TestRealm.WebSecret);
        Assert.False(introspected.Json.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Revoking_an_access_token_revokes_its_grant_including_the_refresh_token()
    {
        using var client = server.NewClient();
        var tokens = await client.CodeFlowAsync(scope: "openid offline_access");
        Assert.Equal(HttpStatusCode.OK, (await client.PostFormAsync("revoke", new Dictionary<string, string> { ["token"] = tokens.AccessToken }, "web", TestRealm.WebSecret)).Status);
        Assert.Equal("invalid_grant", (await client.TokenAsync(Refresh(tokens.RefreshToken!), "web", TestRealm.WebSecret)).Error);
    }

    [Fact]
    public async Task Public_client_revokes_with_its_client_id()
    {
        using var client = server.NewClient();
        var tokens = await client.CodeFlowAsync(scope: "openid offline_access", clientId: "spa");
        var revoke = await client.PostFormAsync("revoke", new Dictionary<string, string> { ["token"] = tokens.RefreshToken!, ["client_id"] = "spa" });
        Assert.Equal(HttpStatusCode.OK, revoke.Status);
        var form = Refresh(tokens.RefreshToken!);
        form["client_id"] = "spa";
        Assert.Equal("invalid_grant", (await client.TokenAsync(form)).Error);
    }

    [Fact]
    public async Task Unknown_tokens_get_200()
    {
        using var client = server.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostFormAsync("revoke", new Dictionary<string, string> { ["token"] = "never-issued" }, "web", TestRealm.WebSecret)).Status);
    }

    [Fact]
    public async Task A_client_cannot_revoke_another_clients_token()
    {
        using var client = server.NewClient();
        var tokens = await client.CodeFlowAsync(scope: "openid offline_access");
        var attempt = await client.PostFormAsync("revoke", new Dictionary<string, string> { ["token"] = tokens.RefreshToken! }, "trusted", TestRealm.WebSecret);
        Assert.Equal(HttpStatusCode.BadRequest, attempt.Status);
        Assert.Equal(HttpStatusCode.OK, (await client.TokenAsync(Refresh(tokens.RefreshToken!), "web", TestRealm.WebSecret)).Status);
    }

    [Fact]
    public async Task A_token_without_a_grant_is_revoked_by_itself()
    {
        using var client = server.NewClient();
        var token = await client.TokenAsync(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "api" }, "service", TestRealm.WebSecret);
        var other = await client.TokenAsync(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "api" }, "service", TestRealm.WebSecret);
        var attempt = await client.PostFormAsync("revoke", new Dictionary<string, string> { ["token"] = token.AccessToken }, "service", TestRealm.WebSecret);
        Assert.Equal(HttpStatusCode.OK, attempt.Status);
        Assert.False((await client.PostFormAsync("introspect", new Dictionary<string, string> { ["token"] = token.AccessToken }, "test-api", TestRealm.WebSecret)).Json.GetProperty("active").GetBoolean());
        Assert.True((await client.PostFormAsync("introspect", new Dictionary<string, string> { ["token"] = other.AccessToken }, "test-api", TestRealm.WebSecret)).Json.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task A_token_exchange_client_revokes_its_own_token_not_the_users_grant()
    {
        using var client = server.NewClient();
        var user = await client.CodeFlowAsync(scope: "openid offline_access a.read");
        var exchanged = await client.TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:token-exchange", ["subject_token"] = user.AccessToken,
            ["subject_token_type"] = "urn:ietf:params:oauth:token-type:access_token", ["audience"] = "service-b",
        }, "service-a", TestRealm.WebSecret);
        Assert.Equal(HttpStatusCode.OK, (await client.PostFormAsync("revoke", new Dictionary<string, string> { ["token"] = exchanged.AccessToken }, "service-a", TestRealm.WebSecret)).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.TokenAsync(Refresh(user.RefreshToken!), "web", TestRealm.WebSecret)).Status);
        var introspected = await client.PostFormAsync("introspect", new Dictionary<string, string> { ["token"] = exchanged.AccessToken }, "service-a", TestRealm.WebSecret);
        Assert.False(introspected.Json.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Bad_credentials_and_missing_token()
    {
        using var client = server.NewClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostFormAsync("revoke", new Dictionary<string, string> { ["token"] = "x" }, "web", "wrong")).Status);
        Assert.Equal("invalid_request", (await client.PostFormAsync("revoke", new Dictionary<string, string>(), "web", TestRealm.WebSecret)).Error);
    }
}
