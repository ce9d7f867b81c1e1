using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Sessions;
using Latchkey.Protocol.Storage;
using Latchkey.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Storage.Stores;

/// <summary>Login sessions keyed by the SHA-256 of the cookie's session id.</summary>
public sealed class EfSessionStore(IDbContextFactory<LatchkeyDbContext> factory) : ISessionStore
{
    public async ValueTask CreateAsync(LoginSession session, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.LoginSessions.Add(new LoginSessionEntity
        {
            Id = RandomToken.Hash(session.Id), Realm = session.Realm, UserId = session.UserId,
            AuthTime = session.AuthTime, Amr = Lists.Spaces(session.Amr), ExpiresAt = session.ExpiresAt,
        });
        await db.SaveChangesAsync(ct);
    }

    public async ValueTask<LoginSession?> FindAsync(string realm, string sessionId, DateTimeOffset now, CancellationToken ct)
    {
        var hash = RandomToken.Hash(sessionId);
        await using var db = await factory.CreateDbContextAsync(ct);
        var e = await db.LoginSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == hash && s.Realm == realm && s.ExpiresAt > now, ct);
        return e is null ? null : new LoginSession(sessionId, e.Realm, e.UserId, e.AuthTime, Lists.FromSpaces(e.Amr), e.ExpiresAt);
    }

    public async ValueTask DeleteAsync(string realm, string sessionId, CancellationToken ct)
    {
        var hash = RandomToken.Hash(sessionId);
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.LoginSessions.Where(s => s.Id == hash && s.Realm == realm).ExecuteDeleteAsync(ct);
        // The stored id is the session's public sid (the hash of its secret), which keys its clients too.
        await db.SessionClients.Where(c => c.Realm == realm && c.Sid == hash).ExecuteDeleteAsync(ct);
    }

    public async ValueTask AddClientAsync(string realm, string sid, string clientId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.SessionClients.AnyAsync(c => c.Realm == realm && c.Sid == sid && c.ClientId == clientId, ct)) return;
        // Two tabs of the same session and client at once, on any nodes: the second finds the first one's row.
        await using var tx = await StorageProvider.BeginSerializedAsync(db, $"session-client:{realm}:{sid}:{clientId}", ct);
        if (await db.SessionClients.AnyAsync(c => c.Realm == realm && c.Sid == sid && c.ClientId == clientId, ct)) return;
        db.SessionClients.Add(new SessionClientEntity { Realm = realm, Sid = sid, ClientId = clientId });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    public async ValueTask<IReadOnlyList<string>> ClientsAsync(string realm, string sid, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.SessionClients.AsNoTracking().Where(c => c.Realm == realm && c.Sid == sid).Select(c => c.ClientId).ToListAsync(ct);
    }
}
