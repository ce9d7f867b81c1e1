using System.Net;
using Latchkey.Server.Tests.Infrastructure;

namespace Latchkey.Server.Tests;

/// <summary>
/// RFC 8693, the microservice story: alice's token meant for service A is exchanged by A for a token
/// meant for service B; by impersonation where A's policy allows it, otherwise by delegation (act).
/// </summary>
public sealed class TokenExchangeGrantTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    private const string AccessTokenType = "urn:ietf:params:oauth:token-type:access_token";

    private static Dictionary<string, string> Exchange(string subjectToken, params (string, string)[] extra)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:token-exchange",
            ["subject_token"] = subjectToken, ["subject_token_type"] = AccessTokenType,
        };
        foreach (var (name, value) in extra) form[name] = value;
        return form;
    }

    private async Task<(OAuthTestClient Client, TokenResult User)> AliceTokenForServiceAAsync()
    {
        var client = server.NewClient();
        return (client, await client.CodeFlowAsync(scope: "openid offline_access a.read"));
    }

    private static async Task<string> OwnTokenAsync(OAuthTestClient client, string service) =>
        (await client.TokenAsync(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }, service, TestRealm.WebSecret)).AccessToken;

    [Fact]
    public async Task Service_a_impersonates_alice_towards_service_b()
    {
        var (client, user) = await AliceTokenForServiceAAsync();
        using var owned = client;
        Assert.Equal("service-a", Jwt.Payload(user.AccessToken).GetProperty("aud").GetString());

        var exchanged = await client.TokenAsync(Exchange(user.AccessToken, ("audience", "service-b")), "service-a", TestRealm.WebSecret);
        Assert.Equal(HttpStatusCode.OK, exchanged.Status);
        Assert.Equal(AccessTokenType, exchanged["issued_token_type"]);
        Assert.Null(exchanged.RefreshToken);
        var validated = await Jwt.ValidateAsync(client, exchanged.AccessToken, "service-b", "at+jwt");
        Assert.True(validated.IsValid, validated.Exception?.Message);
        var claims = Jwt.Payload(exchanged.AccessToken);
        Assert.Equal(Jwt.Payload(user.AccessToken).GetProperty("sub").GetString(), claims.GetProperty("sub").GetString());
        Assert.Equal("service-a", claims.GetProperty("client_id").GetString());
        Assert.False(claims.TryGetProperty("act", out _));
    }

    [Fact]
    public async Task Scope_narrows_and_never_widens()
    {
        var (client, user) = await AliceTokenForServiceAAsync();
        using var owned = client;
        var narrowed = await client.TokenAsync(Exchange(user.AccessToken, ("audience", "service-b"), ("scope", "a.read")), "service-a", TestRealm.WebSecret);
        Assert.Equal("a.read", narrowed["scope"]);
        var widened = await client.TokenAsync(Exchange(user.AccessToken, ("audience", "service-b"), ("scope", "a.read api")), "service-a", TestRealm.WebSecret);
        Assert.Equal("invalid_scope", widened.Error);
    }

    [Fact]
    public async Task Audiences_outside_the_policy_are_invalid_target()
    {
        var (client, user) = await AliceTokenForServiceAAsync();
        using var owned = client;
        var result = await client.TokenAsync(Exchange(user.AccessToken, ("audience", "service-x")), "service-a", TestRealm.WebSecret);
        Assert.Equal("invalid_target", result.Error);
        var mixed = Exchange(user.AccessToken).ToList();
        mixed.Add(new("audience", "service-b"));
        mixed.Add(new("audience", "service-x"));
        Assert.Equal("invalid_target", (await client.TokenAsync(mixed, "service-a", TestRealm.WebSecret)).Error);
    }

    [Fact]
    public async Task Delegation_puts_the_actor_in_act_and_chains_nest()
    {
        using var client = server.NewClient();
        var user = await client.CodeFlowAsync(scope: "openid a.read");
        // A token meant for service-d: service-a (may impersonate) hands alice's identity to d's audience first.
        var forD = await client.TokenAsync(Exchange(user.AccessToken, ("audience", "service-b")), "service-a", TestRealm.WebSecret);

        var withoutActor = await client.TokenAsync(Exchange(forD.AccessToken, ("audience", "service-c")), "service-b", TestRealm.WebSecret);
        Assert.Equal("unauthorized_client", withoutActor.Error);

        var delegated = await client.TokenAsync(Exchange(forD.AccessToken, ("audience", "service-c"),
            ("actor_token", await OwnTokenAsync(client, "service-b")), ("actor_token_type", AccessTokenType)), "service-b", TestRealm.WebSecret);
        Assert.Equal(HttpStatusCode.OK, delegated.Status);
        Assert.Equal("service-b", Jwt.Payload(delegated.AccessToken).GetProperty("act").GetProperty("sub").GetString());
    }

    [Fact]
    public async Task A_chain_of_delegations_nests_earlier_actors()
    {
        using var client = server.NewClient();
        var user = await client.CodeFlowAsync(scope: "openid a.read");
        var forB = await client.TokenAsync(Exchange(user.AccessToken, ("audience", "service-b")), "service-a", TestRealm.WebSecret);
        // service-d acts on a token meant for service-b? No: d is refused, the token is not meant for it.
        var notForD = await client.TokenAsync(Exchange(forB.AccessToken, ("audience", "service-b"),
            ("actor_token", await OwnTokenAsync(client, "service-d")), ("actor_token_type", AccessTokenType)), "service-d", TestRealm.WebSecret);
        Assert.Equal("invalid_request", notForD.Error);

        var first = await client.TokenAsync(Exchange(forB.AccessToken, ("audience", "service-c"),
            ("actor_token", await OwnTokenAsync(client, "service-b")), ("actor_token_type", AccessTokenType)), "service-b", TestRealm.WebSecret);
        var second = await client.TokenAsync(Exchange(first.AccessToken, ("audience", "service-e"),
            ("actor_token", await OwnTokenAsync(client, "service-c")), ("actor_token_type", AccessTokenType)), "service-c", TestRealm.WebSecret);
        Assert.Equal(HttpStatusCode.OK, second.Status);

        var act = Jwt.Payload(second.AccessToken).GetProperty("act");
        Assert.Equal("service-c", act.GetProperty("sub").GetString());
        Assert.Equal("service-b", act.GetProperty("act").GetProperty("sub").GetString());
        Assert.Equal(Jwt.Payload(user.AccessToken).GetProperty("sub").GetString(), Jwt.Payload(second.AccessToken).GetProperty("sub").GetString());
    }

    [Fact]
    public async Task The_actor_must_be_the_calling_client_and_the_new_token_never_outlives_the_subject()
    {
        using var client = server.NewClient();
        var user = await client.CodeFlowAsync(scope: "openid a.read");
        var forB = await client.TokenAsync(Exchange(user.AccessToken, ("audience", "service-b")), "service-a", TestRealm.WebSecret);
        var someoneElse = await client.TokenAsync(Exchange(forB.AccessToken, ("audience", "service-c"),
            ("actor_token", await OwnTokenAsync(client, "service-d")), ("actor_token_type", AccessTokenType)), "service-b", TestRealm.WebSecret);
        Assert.Equal("invalid_request", someoneElse.Error);
        var subjectAsActor = await client.TokenAsync(Exchange(forB.AccessToken, ("audience", "service-c"),
            ("actor_token", forB.AccessToken), ("actor_token_type", AccessTokenType)), "service-b", TestRealm.WebSecret);
        Assert.Equal("invalid_request", subjectAsActor.Error);

        server.Clock.Advance(TimeSpan.FromMinutes(3));
        var late = await client.TokenAsync(Exchange(user.AccessToken, ("audience", "service-b")), "service-a", TestRealm.WebSecret);
        Assert.Equal(Jwt.Payload(user.AccessToken).GetProperty("exp").GetInt64(), Jwt.Payload(late.AccessToken).GetProperty("exp").GetInt64());
        Assert.True(int.Parse(late["expires_in"]!) <= 120);
    }

    [Fact]
    public async Task Token_meant_for_another_audience_is_refused()
    {
        using var client = server.NewClient();
        var apiToken = await client.CodeFlowAsync(scope: "openid api");
        var result = await client.TokenAsync(Exchange(apiToken.AccessToken, ("audience", "service-b")), "service-a", TestRealm.WebSecret);
        Assert.Equal("invalid_request", result.Error);
    }

    [Fact]
    public async Task Expired_revoked_and_foreign_issuer_subject_tokens_are_invalid_request()
    {
        var (client, user) = await AliceTokenForServiceAAsync();
        using var owned = client;
        using var es = server.NewClient("es");
        var foreign = await es.CodeFlowAsync(scope: "openid");
        Assert.Equal("invalid_request", (await client.TokenAsync(Exchange(foreign.AccessToken, ("audience", "service-b")), "service-a", TestRealm.WebSecret)).Error);

        var derived = await client.TokenAsync(Exchange(user.AccessToken, ("audience", "service-b")), "service-a", TestRealm.WebSecret);
        await client.PostFormAsync("revoke", new Dictionary<string, string> { ["token"] = user.RefreshToken! }, "web", TestRealm.WebSecret);
        Assert.Equal("invalid_request", (await client.TokenAsync(Exchange(user.AccessToken, ("audience", "service-b")), "service-a", TestRealm.WebSecret)).Error);
        var introspected = await client.PostFormAsync("introspect", new Dictionary<string, string> { ["token"] = derived.AccessToken }, "service-a", TestRealm.WebSecret);
        Assert.False(introspected.Json.GetProperty("active").GetBoolean()); // derived tokens die with the user's grant

        var (client2, user2) = await AliceTokenForServiceAAsync();
        using var __ = client2;
        server.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal("invalid_request", (await client2.TokenAsync(Exchange(user2.AccessToken, ("audience", "service-b")), "service-a", TestRealm.WebSecret)).Error);
    }

    [Theory]
    [InlineData("subject_token_type", "urn:example:unknown")]
    [InlineData("requested_token_type", "urn:ietf:params:oauth:token-type:refresh_token")]
    [InlineData("actor_token", "only-the-token")]
    public async Task Malformed_exchanges_are_invalid_request(string name, string value)
    {
        var (client, user) = await AliceTokenForServiceAAsync();
        using var owned = client;
        var result = await client.TokenAsync(Exchange(user.AccessToken, ("audience", "service-b"), (name, value)), "service-a", TestRealm.WebSecret);
        Assert.Equal("invalid_request", result.Error);
    }

    [Fact]
    public async Task Clients_without_the_switch_are_unauthorized()
    {
        var (client, user) = await AliceTokenForServiceAAsync();
        using var owned = client;
        Assert.Equal("unauthorized_client", (await client.TokenAsync(Exchange(user.AccessToken, ("audience", "service-b")), "web", TestRealm.WebSecret)).Error);
    }

    [Fact]
    public async Task Refresh_token_as_subject_works_for_its_own_client_policy()
    {
        var (client, user) = await AliceTokenForServiceAAsync();
        using var owned = client;
        var form = Exchange(user.RefreshToken!, ("audience", "service-b"));
        form["subject_token_type"] = "urn:ietf:params:oauth:token-type:refresh_token";
        // The refresh token was issued to "web", not to service-a: refused.
        Assert.Equal("invalid_request", (await client.TokenAsync(form, "service-a", TestRealm.WebSecret)).Error);
    }
}
