using System.Net;
using System.Text.Json;
using Latchkey.Server.Tests.Infrastructure;

namespace Latchkey.Server.Tests;

/// <summary>
/// Signing-key rotation on its schedule (defaults: a key signs 90 days, its successor is published 14 days ahead,
/// the old key stays published 14 days after): relying parties that follow JWKS never see a token they cannot verify.
/// </summary>
public sealed class KeyRotationTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    [Fact]
    public async Task The_successor_is_published_ahead_takes_over_at_once_under_load_and_the_old_key_leaves_after_its_tokens()
    {
        using var client = server.NewClient();
        var first = Kid(await ServiceTokenAsync(client));
        Assert.Equal([first], await JwksKidsAsync(client));

        // Due: 90 days less the 14-day propagation time. The next load of the key ring (each minute) schedules the successor.
        server.Clock.Advance(TimeSpan.FromDays(76) + TimeSpan.FromMinutes(2));
        var published = await JwksKidsAsync(client);
        Assert.Equal(2, published.Count);
        var second = published.Single(k => k != first);
        Assert.Equal(first, Kid(await ServiceTokenAsync(client))); // published, not yet signing
        server.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(2, (await JwksKidsAsync(client)).Count); // scheduled once, not again at the next load

        // The successor was due at 90 days but scheduled only at 76 days and 2 minutes, so it still gets the full 14 days
        // of propagation. Just before the switch, then tokens are asked for while the clock crosses it.
        server.Clock.Advance(TimeSpan.FromDays(14) - TimeSpan.FromMinutes(4));
        var beforeSwitch = await ServiceTokenAsync(client);
        Assert.Equal(first, Kid(beforeSwitch));
        var load = Enumerable.Range(0, 40).Select(async i =>
        {
            if (i == 20) server.Clock.Advance(TimeSpan.FromMinutes(3));
            return await ServiceTokenAsync(client);
        }).ToArray();
        var tokens = await Task.WhenAll(load);
        server.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(second, Kid(await ServiceTokenAsync(client)));
        Assert.Contains(tokens, t => Kid(t) == second);

        // Every token issued around the switch verifies: at a relying party with JWKS, and by introspection.
        foreach (var token in tokens.Append(beforeSwitch))
        {
            var validated = await Jwt.ValidateAsync(client, token, "test-api", "at+jwt");
            Assert.True(validated.IsValid, validated.Exception?.Message);
            Assert.True(await ActiveAsync(client, token));
        }

        // The retention time after the switch, the old key is withdrawn.
        server.Clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(2));
        Assert.Equal([second], await JwksKidsAsync(client));
        Assert.Equal(second, Kid(await ServiceTokenAsync(client)));
    }

    private static async Task<string> ServiceTokenAsync(OAuthTestClient client)
    {
        var result = await client.TokenAsync(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "api" },
            "service", TestRealm.WebSecret);
        Assert.Equal(HttpStatusCode.OK, result.Status);
        return result.AccessToken;
    }

    private static async Task<bool> ActiveAsync(OAuthTestClient client, string token)
    {
        var result = await client.PostFormAsync("introspect", new Dictionary<string, string> { ["token"] = token }, "test-api", TestRealm.WebSecret);
        return result.Json.GetProperty("active").GetBoolean();
    }

    public static string Kid(string token) => Jwt.Header(token).GetProperty("kid").GetString()!;

    public static async Task<List<string>> JwksKidsAsync(OAuthTestClient client)
    {
        var json = JsonDocument.Parse(await client.Http.GetStringAsync($"{client.RealmPath}/jwks")).RootElement;
        return json.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()!).ToList();
    }
}
