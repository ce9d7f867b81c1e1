using System.Net;
using Latchkey.Server.Tests.Infrastructure;

namespace Latchkey.Server.Tests;

/// <summary>RFC 6749 §6 with rotation and reuse detection (RFC 9700 §4.14.2).</summary>
public sealed class RefreshTokenGrantTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    private static Dictionary<string, string> Refresh(string token, string? scope = null)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = token };
        if (scope is not null) form["scope"] = scope;
        return form;
    }

    [Fact]
    public async Task Each_use_rotates_and_reuse_of_a_rotated_token_revokes_the_family()
    {
        using var client = server.NewClient();
        var first = await client.CodeFlowAsync();
        var second = await client.TokenAsync(Refresh(first.RefreshToken!), "web", TestRealm.WebSecret);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.NotNull(second.IdToken);

        var reuse = await client.TokenAsync(Refresh(first.RefreshToken!), "web", TestRealm.WebSecret);
        Assert.Equal("invalid_grant", reuse.Error);
        var successor = await client.TokenAsync(Refresh(second.RefreshToken!), "web", TestRealm.WebSecret);
        Assert.Equal("invalid_grant", successor.Error);
    }

    [Fact]
    public async Task Scope_may_narrow_but_never_widen()
    {
        using var client = server.NewClient();
        var first = await client.CodeFlowAsync(scope: "openid profile offline_access api");
        var narrowed = await client.TokenAsync(Refresh(first.RefreshToken!, "openid api"), "web", TestRealm.WebSecret);
        Assert.Equal("openid api", narrowed["scope"]);
        Assert.Equal("openid api", Jwt.Payload(narrowed.AccessToken).GetProperty("scope").GetString());

        // RFC 6749 §6: the new refresh token keeps the original grant, so the full scope is still reachable.
        var full = await client.TokenAsync(Refresh(narrowed.RefreshToken!), "web", TestRealm.WebSecret);
        Assert.Equal("openid profile offline_access api", full["scope"]);

        var widened = await client.TokenAsync(Refresh(full.RefreshToken!, "openid email"), "web", TestRealm.WebSecret);
        Assert.Equal("invalid_scope", widened.Error);
    }

    [Fact]
    public async Task Another_client_cannot_use_the_refresh_token()
    {
        using var client = server.NewClient();
        var first = await client.CodeFlowAsync();
        var stolen = await client.TokenAsync(Refresh(first.RefreshToken!), "trusted", TestRealm.WebSecret);
        Assert.Equal("invalid_grant", stolen.Error);
        var owner = await client.TokenAsync(Refresh(first.RefreshToken!), "web", TestRealm.WebSecret);
        Assert.Equal(HttpStatusCode.OK, owner.Status);
    }

    [Fact]
    public async Task Refresh_token_expires_and_rotation_does_not_extend_it()
    {
        using var client = server.NewClient();
        var first = await client.CodeFlowAsync();
        server.Clock.Advance(TimeSpan.FromDays(29));
        var rotated = await client.TokenAsync(Refresh(first.RefreshToken!), "web", TestRealm.WebSecret);
        Assert.Equal(HttpStatusCode.OK, rotated.Status);
        server.Clock.Advance(TimeSpan.FromDays(2));
        var expired = await client.TokenAsync(Refresh(rotated.RefreshToken!), "web", TestRealm.WebSecret);
        Assert.Equal("invalid_grant", expired.Error);
    }

    [Fact]
    public async Task No_refresh_token_without_offline_access_unless_the_client_always_gets_one()
    {
        using var client = server.NewClient();
        var web = await client.CodeFlowAsync(scope: "openid profile");
        Assert.Null(web.RefreshToken);
        var trusted = await client.AuthorizeAsync(OAuthTestClient.CodeRequest(OAuthTestClient.NewVerifier(), "trusted", scope: "openid",
            overrides: [("code_challenge", null), ("code_challenge_method", null)]));
        var tokens = await client.TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = trusted["code"], ["redirect_uri"] = TestRealm.WebRedirect,
        }, "trusted", TestRealm.WebSecret);
        Assert.NotNull(tokens.RefreshToken);
    }

    [Fact]
    public async Task Public_client_refreshes_with_its_client_id()
    {
        using var client = server.NewClient();
        var first = await client.CodeFlowAsync(scope: "openid offline_access", clientId: "spa");
        var form = Refresh(first.RefreshToken!);
        form["client_id"] = "spa";
        var rotated = await client.TokenAsync(form);
        Assert.Equal(HttpStatusCode.OK, rotated.Status);
    }

    [Fact]
    public async Task Missing_or_unknown_refresh_token()
    {
        using var client = server.NewClient();
        Assert.Equal("invalid_request", (await client.TokenAsync(new Dictionary<string, string> { ["grant_type"] = "refresh_token" }, "web", TestRealm.WebSecret)).Error);
        Assert.Equal("invalid_grant", (await client.TokenAsync(Refresh("nope"), "web", TestRealm.WebSecret)).Error);
    }
}
