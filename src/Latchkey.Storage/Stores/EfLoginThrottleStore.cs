using Latchkey.Protocol.Storage;
using Latchkey.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Storage.Stores;

public sealed class EfLoginThrottleStore(IDbContextFactory<LatchkeyDbContext> factory) : ILoginThrottleStore
{
    public async ValueTask<LoginThrottleState?> GetAsync(string key, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var e = await db.LoginThrottles.AsNoTracking().FirstOrDefaultAsync(t => t.Key == key, ct);
        return e is null ? null : new LoginThrottleState(e.Failures, e.FirstFailureAt, e.LockedUntil);
    }

    public async ValueTask<LoginThrottleState> UpdateAsync(string key, Func<LoginThrottleState?, LoginThrottleState> change, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        // Read-change-write of one key is serialized across requests and nodes, even before its row exists.
        await using var tx = await StorageProvider.BeginSerializedAsync(db, $"login-throttle:{key}", ct);
        var e = await db.LoginThrottles.FirstOrDefaultAsync(t => t.Key == key, ct);
        var next = change(e is null ? null : new LoginThrottleState(e.Failures, e.FirstFailureAt, e.LockedUntil));
        if (e is null) db.LoginThrottles.Add(e = new LoginThrottleEntity { Key = key });
        e.Failures = next.Failures;
        e.FirstFailureAt = next.FirstFailureAt;
        e.LockedUntil = next.LockedUntil;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return next;
    }

    public async ValueTask ResetAsync(string key, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        // Almost every successful sign-in finds nothing to reset: a plain read spares it a serialized write
        // transaction (on SQLite, the database's one writer). A failure recorded just after this read stays
        // counted, as it would had it come just after the delete.
        if (!await db.LoginThrottles.AnyAsync(t => t.Key == key, ct)) return;
        // Under the same lock as UpdateAsync: a row deleted between its read and its write would fail that write.
        await using var tx = await StorageProvider.BeginSerializedAsync(db, $"login-throttle:{key}", ct);
        await db.LoginThrottles.Where(t => t.Key == key).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
    }
}
