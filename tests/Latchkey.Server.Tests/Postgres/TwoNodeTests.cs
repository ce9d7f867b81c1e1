using System.Net;
using Latchkey.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Latchkey.Server.Tests.Postgres;

/// <summary>
/// Several nodes behind one issuer (issue 7): a flow that hops between the nodes, and single use that holds when
/// both nodes are asked at the same instant, decided by PostgreSQL rather than by either node's memory.
/// </summary>
public sealed class TwoNodeTests(TwoNodes nodes, ITestOutputHelper output) : IClassFixture<TwoNodes>
{
    private const int Rounds = 30;
    /// <summary>Requests fired at once per round: half at each node.</summary>
    private const int Parallel = 6;

    private bool Skipped()
    {
        if (nodes.Cluster.Unavailable is null) return false;
        output.WriteLine(nodes.Cluster.Unavailable);
        return true;
    }

    [Fact]
    public async Task A_flow_started_on_one_node_finishes_on_the_other()
    {
        if (Skipped()) return;
        using var browser = new NodeBrowser();
        var verifier = OAuthTestClient.NewVerifier();
        // Authorize and the login form on A; the session cookie A set is read by B for consent and the code.
        var code = await browser.CodeAsync("web", verifier, hop => hop < 1 ? nodes.A : nodes.B);

        var tokens = await browser.PostAsync(nodes.B, "token", new()
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = TwoNodes.Redirect, ["code_verifier"] = verifier,
        }, asWeb: true);
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        Assert.Equal(nodes.Issuer, Jwt.Payload(tokens.AccessToken).GetProperty("iss").GetString());

        var refreshed = await browser.PostAsync(nodes.A, "token", Refresh(tokens.RefreshToken!), asWeb: true);
        Assert.Equal(HttpStatusCode.OK, refreshed.Status);

        var introspection = await browser.PostAsync(nodes.B, "introspect", new() { ["token"] = refreshed.AccessToken }, asWeb: true);
        Assert.Equal("True", introspection["active"]);
        Assert.Equal("web", introspection["client_id"]);

        var userInfo = await browser.UserInfoAsync(nodes.B, refreshed.AccessToken);
        Assert.Equal(HttpStatusCode.OK, userInfo.StatusCode);
        Assert.Contains("\"sub\"", await userInfo.Content.ReadAsStringAsync());

        // RFC 9700 §4.14.2 across nodes: the token A rotated, presented to B, revokes the family everywhere.
        var reuse = await browser.PostAsync(nodes.B, "token", Refresh(tokens.RefreshToken!), asWeb: true);
        Assert.Equal("invalid_grant", reuse.Error);
        var after = await browser.PostAsync(nodes.A, "introspect", new() { ["token"] = refreshed.AccessToken }, asWeb: true);
        Assert.Equal("False", after["active"]);
    }

    [Fact]
    public async Task The_same_code_at_both_nodes_at_once_is_redeemed_exactly_once()
    {
        if (Skipped()) return;
        using var browser = new NodeBrowser();
        for (var round = 0; round < Rounds; round++)
        {
            var verifier = OAuthTestClient.NewVerifier();
            var code = await browser.CodeAsync("spa", verifier, hop => hop % 2 == 0 ? nodes.A : nodes.B);
            var form = new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = TwoNodes.Redirect,
                ["code_verifier"] = verifier, ["client_id"] = "spa",
            };
            AssertExactlyOneSuccess(round, await AtBothNodesAsync(browser, form));
        }
    }

    [Fact]
    public async Task The_same_refresh_token_at_both_nodes_at_once_rotates_exactly_once_without_grace()
    {
        if (Skipped()) return;
        using var browser = new NodeBrowser();
        for (var round = 0; round < Rounds; round++)
        {
            var refreshToken = await RefreshTokenAsync(browser, "spa");
            AssertExactlyOneSuccess(round, await AtBothNodesAsync(browser, Refresh(refreshToken, "spa")));
        }
    }

    [Fact]
    public async Task Within_the_grace_both_nodes_hand_out_the_same_successor()
    {
        if (Skipped()) return;
        using var browser = new NodeBrowser();
        for (var round = 0; round < 10; round++)
        {
            var refreshToken = await RefreshTokenAsync(browser, "spa-grace");
            var results = await AtBothNodesAsync(browser, Refresh(refreshToken, "spa-grace"));
            Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Status));
            Assert.Single(results.Select(r => r.RefreshToken).Distinct());
            // The successor rotates as usual, on either node.
            var next = await browser.PostAsync(round % 2 == 0 ? nodes.A : nodes.B, "token", Refresh(results[0].RefreshToken!, "spa-grace"));
            Assert.Equal(HttpStatusCode.OK, next.Status);
        }
    }

    private async Task<string> RefreshTokenAsync(NodeBrowser browser, string clientId)
    {
        var verifier = OAuthTestClient.NewVerifier();
        var code = await browser.CodeAsync(clientId, verifier, _ => nodes.A);
        var tokens = await browser.PostAsync(nodes.B, "token", new()
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = TwoNodes.Redirect,
            ["code_verifier"] = verifier, ["client_id"] = clientId,
        });
        return tokens.RefreshToken ?? throw new InvalidOperationException($"No refresh token: {tokens.Json}");
    }

    /// <summary>The same request, <see cref="Parallel"/> times at once, alternating between the nodes.</summary>
    private async Task<TokenResult[]> AtBothNodesAsync(NodeBrowser browser, Dictionary<string, string> form)
    {
        using var start = new ManualResetEventSlim();
        var requests = Enumerable.Range(0, Parallel).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await browser.PostAsync(i % 2 == 0 ? nodes.A : nodes.B, "token", form);
        })).ToArray();
        start.Set();
        return await Task.WhenAll(requests);
    }

    private static void AssertExactlyOneSuccess(int round, TokenResult[] results)
    {
        var statuses = string.Join(", ", results.Select(r => $"{(int)r.Status} {r.Error}"));
        Assert.True(results.Count(r => r.Status == HttpStatusCode.OK) == 1, $"round {round}: {statuses}");
        Assert.True(results.Where(r => r.Status != HttpStatusCode.OK).All(r => r.Status == HttpStatusCode.BadRequest && r.Error == "invalid_grant"),
            $"round {round}: {statuses}");
    }

    private static Dictionary<string, string> Refresh(string token, string? clientId = null)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = token };
        if (clientId is not null) form["client_id"] = clientId;
        return form;
    }
}
