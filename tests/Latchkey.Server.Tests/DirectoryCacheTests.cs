using System.Net;
using System.Text.Json;
using Latchkey.Protocol.Clients;
using Latchkey.Server.Admin;
using Latchkey.Server.Tests.Infrastructure;
using Latchkey.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Server.Tests;

/// <summary>Clients and users are cached: a change made behind this node's back (another node) shows within
/// DirectoryCacheSeconds, one made through this node at once.</summary>
public sealed class DirectoryCacheTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    [Fact]
    public async Task A_secret_changed_by_another_node_applies_within_the_cache_lifetime()
    {
        using var client = server.NewClient();
        var grant = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "api" };
        Assert.Equal(HttpStatusCode.OK, (await client.TokenAsync(grant, "service", TestRealm.WebSecret)).Status);

        // What another node's `clients rotate-secret` does: write the database directly.
        var factory = server.Services.GetRequiredService<IDbContextFactory<LatchkeyDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            var entity = await db.Clients.SingleAsync(c => c.Realm == "test" && c.ClientId == "service");
            entity.SecretHash = ClientSecretHasher.HashGenerated("rotated-elsewhere");
            await db.SaveChangesAsync();
        }

        server.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal("invalid_client", (await client.TokenAsync(grant, "service", TestRealm.WebSecret)).Error);
        Assert.Equal(HttpStatusCode.OK, (await client.TokenAsync(grant, "service", "rotated-elsewhere")).Status);
    }

    [Fact]
    public async Task A_user_changed_by_another_node_shows_within_the_cache_lifetime_and_one_saved_here_at_once()
    {
        using var client = server.NewClient();
        var tokens = await client.CodeFlowAsync(scope: "openid profile");
        Assert.Equal("Alice Liddell", await NameAtUserInfoAsync(client, tokens.AccessToken));

        var factory = server.Services.GetRequiredService<IDbContextFactory<LatchkeyDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            var alice = await db.Users.SingleAsync(u => u.Realm == "test" && u.Username == "alice");
            alice.FamilyName = "Elsewhere";
            await db.SaveChangesAsync();
        }
        Assert.Equal("Alice Liddell", await NameAtUserInfoAsync(client, tokens.AccessToken));
        server.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal("Alice Elsewhere", await NameAtUserInfoAsync(client, tokens.AccessToken));

        var admin = server.Services.GetRequiredService<AdminRepository>();
        var user = (await admin.FindUserAsync("test", "alice", CancellationToken.None))!;
        await admin.SaveUserAsync("test", user with { FamilyName = "Liddell" }, null, CancellationToken.None);
        Assert.Equal("Alice Liddell", await NameAtUserInfoAsync(client, tokens.AccessToken));
    }

    private static async Task<string?> NameAtUserInfoAsync(OAuthTestClient client, string accessToken)
    {
        using var response = await client.UserInfoAsync(accessToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("name").GetString();
    }
}
