using System.Net;
using Latchkey.Server.Tests.Infrastructure;

namespace Latchkey.Server.Tests;

/// <summary>RFC 6749 §4.4: service accounts, switched on per client.</summary>
public sealed class ClientCredentialsGrantTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    private static Dictionary<string, string> Grant(string? scope = null)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        if (scope is not null) form["scope"] = scope;
        return form;
    }

    [Fact]
    public async Task Service_account_gets_an_access_token_for_itself_and_nothing_else()
    {
        using var client = server.NewClient();
        var result = await client.TokenAsync(Grant("api"), "service", TestRealm.WebSecret);
        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Null(result.RefreshToken);
        Assert.Null(result.IdToken);
        var validated = await Jwt.ValidateAsync(client, result.AccessToken, "test-api", "at+jwt");
        Assert.True(validated.IsValid, validated.Exception?.Message);
        var claims = Jwt.Payload(result.AccessToken);
        Assert.Equal("service", claims.GetProperty("sub").GetString());
        Assert.Equal("service", claims.GetProperty("client_id").GetString());
        Assert.Equal("api", claims.GetProperty("scope").GetString());
        Assert.False(claims.TryGetProperty("auth_time", out _));
    }

    [Fact]
    public async Task Without_scope_the_clients_own_scopes_are_granted_with_client_secret_post()
    {
        using var client = server.NewClient();
        var form = Grant();
        form["client_id"] = "service";
        form["client_secret"] = TestRealm.WebSecret;
        var result = await client.TokenAsync(form);
        Assert.Equal("api", result["scope"]);
    }

    [Theory]
    [InlineData("openid")]
    [InlineData("email")]
    [InlineData("api admin")]
    public async Task User_scopes_and_unknown_scopes_are_invalid_scope(string scope)
    {
        using var client = server.NewClient();
        Assert.Equal("invalid_scope", (await client.TokenAsync(Grant(scope), "service", TestRealm.WebSecret)).Error);
    }

    [Fact]
    public async Task Resource_indicators_narrow_the_audience_rfc8707()
    {
        using var client = server.NewClient();
        var form = Grant("api");
        form["resource"] = "test-api";
        var narrowed = await client.TokenAsync(form, "service", TestRealm.WebSecret);
        Assert.Equal("test-api", Jwt.Payload(narrowed.AccessToken).GetProperty("aud").GetString());
        form["resource"] = "https://elsewhere.example/";
        var refused = await client.TokenAsync(form, "service", TestRealm.WebSecret);
        Assert.Equal("invalid_target", refused.Error);
    }

    [Fact]
    public async Task Clients_without_the_service_account_switch_are_unauthorized()
    {
        using var client = server.NewClient();
        Assert.Equal("unauthorized_client", (await client.TokenAsync(Grant("api"), "web", TestRealm.WebSecret)).Error);
        var publicClient = Grant("api");
        publicClient["client_id"] = "spa";
        Assert.Equal("unauthorized_client", (await client.TokenAsync(publicClient)).Error);
    }

    [Fact]
    public async Task Wrong_secret_is_invalid_client_before_anything_else()
    {
        using var client = server.NewClient();
        var result = await client.TokenAsync(Grant("nonsense"), "service", "wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, result.Status);
        Assert.Equal("invalid_client", result.Error);
    }
}
