using Latchkey.Protocol.Storage;
using Latchkey.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Storage.Stores;

public sealed class EfConsentStore(IDbContextFactory<LatchkeyDbContext> factory) : IConsentStore
{
    public async ValueTask<IReadOnlySet<string>> GrantedScopesAsync(string realm, string userId, string clientId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var consent = await db.Consents.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Realm == realm && c.UserId == userId && c.ClientId == clientId, ct);
        return consent is null ? new HashSet<string>() : Lists.FromSpaces(consent.Scopes).ToHashSet();
    }

    public async ValueTask<IReadOnlyList<(string ClientId, IReadOnlySet<string> Scopes, DateTimeOffset GrantedAt)>> ListAsync(
        string realm, string userId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Consents.AsNoTracking().Where(c => c.Realm == realm && c.UserId == userId).OrderBy(c => c.ClientId).ToListAsync(ct);
        return rows.Select(c => (c.ClientId, (IReadOnlySet<string>)Lists.FromSpaces(c.Scopes).ToHashSet(), c.GrantedAt)).ToArray();
    }

    public async ValueTask RemoveAsync(string realm, string userId, string clientId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        // Under the same lock as GrantAsync: a row deleted between its read and its write would fail that write.
        await using var tx = await StorageProvider.BeginSerializedAsync(db, $"consent:{realm}:{userId}:{clientId}", ct);
        await db.Consents.Where(c => c.Realm == realm && c.UserId == userId && c.ClientId == clientId).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
    }

    public async ValueTask GrantAsync(string realm, string userId, string clientId, IEnumerable<string> scopes, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        // Two tabs approving at the same moment, on any nodes: the second merges into the first one's row.
        await using var tx = await StorageProvider.BeginSerializedAsync(db, $"consent:{realm}:{userId}:{clientId}", ct);
        var consent = await db.Consents.FirstOrDefaultAsync(c => c.Realm == realm && c.UserId == userId && c.ClientId == clientId, ct);
        if (consent is null)
        {
            consent = new ConsentEntity { Realm = realm, UserId = userId, ClientId = clientId };
            db.Consents.Add(consent);
        }
        consent.Scopes = Lists.Spaces(Lists.FromSpaces(consent.Scopes).Union(scopes).Order(StringComparer.Ordinal));
        consent.GrantedAt = now;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
