using Latchkey.Protocol.Storage;
using Latchkey.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Storage.Stores;

public sealed class EfSigningKeyStore(IDbContextFactory<LatchkeyDbContext> factory) : ISigningKeyStore
{
    public async ValueTask<IReadOnlyList<StoredSigningKey>> ListAsync(string realm, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var keys = await db.SigningKeys.AsNoTracking().Where(k => k.Realm == realm).ToListAsync(ct);
        return keys.Select(k => new StoredSigningKey(k.Realm, k.KeyId, k.Algorithm, k.ProtectedPrivateKey, k.CreatedAt, k.RetiredAt)).ToArray();
    }

    public async ValueTask AddAsync(StoredSigningKey key, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.SigningKeys.Add(ToEntity(key));
        await db.SaveChangesAsync(ct);
    }

    public async ValueTask<bool> AddFirstAsync(StoredSigningKey key, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await StorageProvider.BeginSerializedAsync(db, $"signing-key:{key.Realm}:{key.Algorithm}", ct);
        if (await db.SigningKeys.AnyAsync(k => k.Realm == key.Realm && k.Algorithm == key.Algorithm && k.RetiredAt == null, ct)) return false;
        db.SigningKeys.Add(ToEntity(key));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private static SigningKeyEntity ToEntity(StoredSigningKey key) => new()
    {
        Realm = key.Realm, KeyId = key.KeyId, Algorithm = key.Algorithm,
        ProtectedPrivateKey = key.ProtectedPrivateKey, CreatedAt = key.CreatedAt, RetiredAt = key.RetiredAt,
    };
}
