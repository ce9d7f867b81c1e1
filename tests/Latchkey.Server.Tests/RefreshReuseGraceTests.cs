using System.Net;
using Latchkey.Server.Tests.Infrastructure;

namespace Latchkey.Server.Tests;

/// <summary>
/// Refresh rotation under concurrent tabs (issue 7): with the grace at 0 exactly one of several parallel uses
/// wins and the rest get invalid_grant; within a client's grace the rotated token gets the same successor again;
/// after it, reuse is theft and revokes the family (RFC 9700 §4.14.2). Its own server: the tests move the clock.
/// </summary>
public sealed class RefreshReuseGraceTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    private const int Parallel = 8;

    private static Dictionary<string, string> Refresh(string token, string clientId) =>
        new() { ["grant_type"] = "refresh_token", ["refresh_token"] = token, ["client_id"] = clientId };

    private static async Task<TokenResult> PublicCodeFlowAsync(OAuthTestClient client, string clientId)
    {
        var verifier = OAuthTestClient.NewVerifier();
        var callback = await client.AuthorizeAsync(OAuthTestClient.CodeRequest(verifier, clientId, TestRealm.SpaRedirect, "openid offline_access"));
        var tokens = await client.TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = callback["code"], ["redirect_uri"] = TestRealm.SpaRedirect,
            ["code_verifier"] = verifier, ["client_id"] = clientId,
        });
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        return tokens;
    }

    private static async Task<TokenResult[]> AtOnceAsync(OAuthTestClient client, Dictionary<string, string> form)
    {
        using var start = new ManualResetEventSlim();
        var requests = Enumerable.Range(0, Parallel).Select(_ => Task.Run(async () => { start.Wait(); return await client.TokenAsync(form); })).ToArray();
        start.Set();
        return await Task.WhenAll(requests);
    }

    [Fact]
    public async Task Without_a_grace_parallel_uses_of_one_refresh_token_give_one_success_and_invalid_grant()
    {
        using var client = server.NewClient();
        for (var round = 0; round < 5; round++)
        {
            var tokens = await PublicCodeFlowAsync(client, "spa");
            var results = await AtOnceAsync(client, Refresh(tokens.RefreshToken!, "spa"));
            var statuses = string.Join(", ", results.Select(r => $"{(int)r.Status} {r.Error}"));
            Assert.True(results.Count(r => r.Status == HttpStatusCode.OK) == 1, statuses);
            Assert.True(results.Where(r => r.Status != HttpStatusCode.OK).All(r => r.Error == "invalid_grant"), statuses);
        }
    }

    [Fact]
    public async Task Within_the_grace_parallel_uses_all_get_the_same_successor_which_rotates_as_usual()
    {
        using var client = server.NewClient();
        var tokens = await PublicCodeFlowAsync(client, "spa-grace");
        var results = await AtOnceAsync(client, Refresh(tokens.RefreshToken!, "spa-grace"));
        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        var successor = Assert.Single(results.Select(r => r.RefreshToken).Distinct());
        Assert.NotEqual(tokens.RefreshToken, successor);

        var next = await client.TokenAsync(Refresh(successor!, "spa-grace"));
        Assert.Equal(HttpStatusCode.OK, next.Status);
        Assert.NotEqual(successor, next.RefreshToken);
    }

    [Fact]
    public async Task Reuse_after_the_grace_revokes_the_family_and_its_access_tokens()
    {
        using var client = server.NewClient();
        var tokens = await PublicCodeFlowAsync(client, "spa-grace");
        var rotated = await client.TokenAsync(Refresh(tokens.RefreshToken!, "spa-grace"));
        var again = await client.TokenAsync(Refresh(tokens.RefreshToken!, "spa-grace"));
        Assert.Equal(rotated.RefreshToken, again.RefreshToken);

        server.Clock.Advance(TimeSpan.FromSeconds(TestRealm.GraceSeconds + 1));
        var theft = await client.TokenAsync(Refresh(tokens.RefreshToken!, "spa-grace"));
        Assert.Equal("invalid_grant", theft.Error);
        Assert.Equal("invalid_grant", (await client.TokenAsync(Refresh(rotated.RefreshToken!, "spa-grace"))).Error);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.UserInfoAsync(again.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task Reuse_within_the_grace_once_the_successor_was_used_revokes_the_family()
    {
        using var client = server.NewClient();
        var tokens = await PublicCodeFlowAsync(client, "spa-grace");
        var rotated = await client.TokenAsync(Refresh(tokens.RefreshToken!, "spa-grace"));
        var next = await client.TokenAsync(Refresh(rotated.RefreshToken!, "spa-grace"));
        Assert.Equal(HttpStatusCode.OK, next.Status);

        // The successor has been used: whoever still presents the first token is not a tab that missed the answer.
        Assert.Equal("invalid_grant", (await client.TokenAsync(Refresh(tokens.RefreshToken!, "spa-grace"))).Error);
        Assert.Equal("invalid_grant", (await client.TokenAsync(Refresh(next.RefreshToken!, "spa-grace"))).Error);
    }
}
