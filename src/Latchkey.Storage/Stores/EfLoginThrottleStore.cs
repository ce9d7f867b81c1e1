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
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            // SQLite: BEGIN IMMEDIATE takes the write lock before the read, so read-change-write is serialized.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var e = await db.LoginThrottles.FirstOrDefaultAsync(t => t.Key == key, ct);
            var next = change(e is null ? null : new LoginThrottleState(e.Failures, e.FirstFailureAt, e.LockedUntil));
            if (e is null) db.LoginThrottles.Add(e = new LoginThrottleEntity { Key = key });
            e.Failures = next.Failures;
            e.FirstFailureAt = next.FirstFailureAt;
            e.LockedUntil = next.LockedUntil;
            try
            {
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return next;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // A database without a serializing lock (a concurrent insert or reset won): read again.
            }
        }
    }

    public async ValueTask ResetAsync(string key, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.LoginThrottles.Where(t => t.Key == key).ExecuteDeleteAsync(ct);
    }
}
