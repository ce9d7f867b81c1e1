using Latchkey.Protocol.Storage;
using Latchkey.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Storage.Stores;

public sealed class EfReferenceTokenStore(IDbContextFactory<LatchkeyDbContext> factory) : IReferenceTokenStore
{
    public async ValueTask StoreAsync(string realm, string hash, string claimsJson, DateTimeOffset expiresAt, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ReferenceTokens.Add(new ReferenceTokenEntity { Hash = hash, Realm = realm, Claims = claimsJson, ExpiresAt = expiresAt });
        await db.SaveChangesAsync(ct);
    }

    public async ValueTask<string?> FindAsync(string realm, string hash, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.ReferenceTokens.AsNoTracking().Where(t => t.Hash == hash && t.Realm == realm && t.ExpiresAt > now)
            .Select(t => t.Claims).FirstOrDefaultAsync(ct);
    }
}
