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

    public async ValueTask SaveAsync(string key, LoginThrottleState state, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var e = await db.LoginThrottles.FirstOrDefaultAsync(t => t.Key == key, ct);
        if (e is null) db.LoginThrottles.Add(e = new LoginThrottleEntity { Key = key });
        e.Failures = state.Failures;
        e.FirstFailureAt = state.FirstFailureAt;
        e.LockedUntil = state.LockedUntil;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (db.Entry(e).State == EntityState.Added)
        {
            // Another request recorded the first failure at the same moment; write over its row.
            await SaveAsync(key, state, ct);
        }
    }

    public async ValueTask ResetAsync(string key, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.LoginThrottles.Where(t => t.Key == key).ExecuteDeleteAsync(ct);
    }
}
