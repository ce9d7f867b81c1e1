using Latchkey.Protocol.Storage;
using Latchkey.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Storage.Stores;

/// <summary>The outbox. A lease is taken with one conditional UPDATE per call, so two nodes never both take it.</summary>
public sealed class EfOutboundCallStore(IDbContextFactory<LatchkeyDbContext> factory, TimeProvider clock) : IOutboundCallStore
{
    public async ValueTask AddAsync(OutboundCall call, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.OutboundCalls.Add(new OutboundCallEntity
        {
            Id = call.Id, Kind = call.Kind, ClientId = call.ClientId, Uri = call.Uri, ProtectedPayload = call.ProtectedPayload,
            Attempts = call.Attempts, CreatedAt = clock.GetUtcNow(), NextAttemptAt = call.NextAttemptAt,
        });
        await db.SaveChangesAsync(ct);
    }

    public async ValueTask<IReadOnlyList<OutboundCall>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var due = await db.OutboundCalls.AsNoTracking()
            .Where(c => c.NextAttemptAt <= now && (c.LeasedUntil == null || c.LeasedUntil < now))
            .Take(max).ToListAsync(ct);
        var claimed = new List<OutboundCall>(due.Count);
        var until = now + lease;
        foreach (var c in due)
        {
            var won = await db.OutboundCalls
                .Where(x => x.Id == c.Id && x.Attempts == c.Attempts && (x.LeasedUntil == null || x.LeasedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LeasedUntil, until), ct) == 1;
            if (won) claimed.Add(new OutboundCall(c.Id, c.Kind, c.ClientId, c.Uri, c.ProtectedPayload, c.Attempts, c.NextAttemptAt));
        }
        return claimed;
    }

    public async ValueTask RemoveAsync(string id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.OutboundCalls.Where(c => c.Id == id).ExecuteDeleteAsync(ct);
    }

    public async ValueTask RescheduleAsync(string id, int attempts, DateTimeOffset nextAttemptAt, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.OutboundCalls.Where(c => c.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Attempts, attempts).SetProperty(c => c.NextAttemptAt, nextAttemptAt)
            .SetProperty(c => c.LeasedUntil, (DateTimeOffset?)null), ct);
    }
}
