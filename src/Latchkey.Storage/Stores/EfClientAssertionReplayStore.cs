using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Storage;
using Latchkey.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Storage.Stores;

public sealed class EfClientAssertionReplayStore(IDbContextFactory<LatchkeyDbContext> factory) : IClientAssertionReplayStore
{
    public async ValueTask<bool> TryUseAsync(string realm, string clientId, string jti, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken ct)
    {
        var hash = RandomToken.Hash(jti);
        await using var db = await factory.CreateDbContextAsync(ct);
        // Uses that have expired guard nothing (their assertions are refused as expired): clear this client's,
        // which also frees a jti value a client reuses after its first assertion died.
        await db.UsedClientAssertions.Where(u => u.Realm == realm && u.ClientId == clientId && u.ExpiresAt <= now).ExecuteDeleteAsync(ct);
        // The common replay is refused by this read; the key below settles two nodes racing with one assertion.
        if (await UsedAsync(realm, clientId, hash, ct)) return false;
        db.UsedClientAssertions.Add(new UsedClientAssertionEntity { Realm = realm, ClientId = clientId, JtiHash = hash, ExpiresAt = expiresAt });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // The primary key refused it: a replay, whichever node saw the first use. Anything else is a bug.
            if (await UsedAsync(realm, clientId, hash, ct)) return false;
            throw;
        }
    }

    private async Task<bool> UsedAsync(string realm, string clientId, string hash, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.UsedClientAssertions.AnyAsync(u => u.Realm == realm && u.ClientId == clientId && u.JtiHash == hash, ct);
    }
}
