using System.Net;
using Latchkey.Protocol.Clients;
using Latchkey.Server.Tests.Infrastructure;
using Latchkey.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Server.Tests;

/// <summary>Clients are cached: a change made behind this node's back (another node) shows within DirectoryCacheSeconds.</summary>
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
}
