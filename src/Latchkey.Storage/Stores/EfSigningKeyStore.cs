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
        return keys.Select(k => new StoredSigningKey(k.Realm, k.KeyId, k.Algorithm, k.ProtectedPrivateKey, k.CreatedAt, k.RetiredAt,
            k.ActivatesAt, k.UnpublishAt)).ToArray();
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
        var now = key.CreatedAt;
        if (await db.SigningKeys.AnyAsync(k => k.Realm == key.Realm && k.Algorithm == key.Algorithm
                && (k.RetiredAt == null || k.RetiredAt > now) && (k.ActivatesAt == null || k.ActivatesAt <= now), ct))
            return false;
        db.SigningKeys.Add(ToEntity(key));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private static SigningKeyEntity ToEntity(StoredSigningKey key) => new()
    {
        Realm = key.Realm, KeyId = key.KeyId, Algorithm = key.Algorithm, ProtectedPrivateKey = key.ProtectedPrivateKey,
        CreatedAt = key.CreatedAt, RetiredAt = key.RetiredAt, ActivatesAt = key.ActivatesAt, UnpublishAt = key.UnpublishAt,
    };

    public async ValueTask<bool> SetRetirementAsync(string realm, string keyId, DateTimeOffset retiresAt, DateTimeOffset unpublishAt,
        bool onlyIfNotRetired, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var key = db.SigningKeys.Where(k => k.Realm == realm && k.KeyId == keyId);
        if (onlyIfNotRetired) key = key.Where(k => k.RetiredAt == null);
        return await key.ExecuteUpdateAsync(s => s.SetProperty(k => k.RetiredAt, retiresAt).SetProperty(k => k.UnpublishAt, unpublishAt), ct) == 1;
    }
}
