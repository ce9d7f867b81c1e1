using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Realms;
using Latchkey.Protocol.Storage;
using Latchkey.Protocol.Users;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Storage.Stores;

/// <summary>Realms, scopes, clients and users: the slowly changing configuration of each realm.</summary>
public sealed class EfDirectoryStore(IDbContextFactory<LatchkeyDbContext> factory) : IRealmStore, IClientStore, IUserStore
{
    public async ValueTask<Realm?> FindAsync(string realm, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return (await db.Realms.AsNoTracking().FirstOrDefaultAsync(r => r.Name == realm, ct))?.ToModel();
    }

    public async ValueTask<IReadOnlyList<ScopeDefinition>> ScopesAsync(string realm, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return (await db.Scopes.AsNoTracking().Where(s => s.Realm == realm).ToListAsync(ct)).Select(s => s.ToModel()).ToArray();
    }

    async ValueTask<Client?> IClientStore.FindAsync(string realm, string clientId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return (await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.Realm == realm && c.ClientId == clientId, ct))?.ToModel();
    }

    public async ValueTask<User?> FindByIdAsync(string realm, string userId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return (await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Realm == realm && u.Id == userId, ct))?.ToModel();
    }

    public async ValueTask<User?> FindByUsernameAsync(string realm, string username, CancellationToken ct)
    {
        var normalized = EntityMapping.Normalize(username);
        await using var db = await factory.CreateDbContextAsync(ct);
        return (await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Realm == realm && u.NormalizedUsername == normalized, ct))?.ToModel();
    }
}
