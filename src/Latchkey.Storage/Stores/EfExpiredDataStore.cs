using Latchkey.Protocol.Storage;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Storage.Stores;

/// <summary>
/// One DELETE per table, each idempotent, so several nodes may clean at once. Revoked grants and throttle counters
/// are kept: how long a revoked grant must be remembered depends on every client's refresh-token lifetime.
/// </summary>
public sealed class EfExpiredDataStore(IDbContextFactory<LatchkeyDbContext> factory) : IExpiredDataStore
{
    public async ValueTask<int> DeleteExpiredAsync(DateTimeOffset before, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var deleted = 0;
        deleted += await db.AuthorizationCodes.Where(e => e.ExpiresAt < before).ExecuteDeleteAsync(ct);
        deleted += await db.DeviceAuthorizations.Where(e => e.ExpiresAt < before).ExecuteDeleteAsync(ct);
        deleted += await db.BackchannelAuthentications.Where(e => e.ExpiresAt < before).ExecuteDeleteAsync(ct);
        deleted += await db.ReferenceTokens.Where(e => e.ExpiresAt < before).ExecuteDeleteAsync(ct);
        // A rotated refresh token is kept until its family expires: presenting it again is how theft is detected.
        deleted += await db.RefreshTokens.Where(e => e.ExpiresAt < before).ExecuteDeleteAsync(ct);
        deleted += await db.UsedClientAssertions.Where(e => e.ExpiresAt < before).ExecuteDeleteAsync(ct);
        deleted += await db.LoginSessions.Where(e => e.ExpiresAt < before).ExecuteDeleteAsync(ct);
        // SessionClients.Sid is the session's stored id (its hash); a session's clients go with it.
        deleted += await db.SessionClients.Where(c => !db.LoginSessions.Any(s => s.Id == c.Sid)).ExecuteDeleteAsync(ct);
        return deleted;
    }
}
