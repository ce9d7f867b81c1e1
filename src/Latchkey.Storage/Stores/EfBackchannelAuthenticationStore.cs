using Latchkey.Protocol.Storage;
using Latchkey.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Storage.Stores;

/// <summary>
/// CIBA authentication requests. The decision, each poll and the redemption are single conditional UPDATEs,
/// so the database decides which of two concurrent callers wins, whichever node they reached.
/// </summary>
public sealed class EfBackchannelAuthenticationStore(IDbContextFactory<LatchkeyDbContext> factory) : IBackchannelAuthenticationStore
{
    private const int Pending = (int)AuthorizationRequestStatus.Pending;
    private const int Approved = (int)AuthorizationRequestStatus.Approved;
    private const int Denied = (int)AuthorizationRequestStatus.Denied;

    public async ValueTask StoreAsync(BackchannelAuthenticationRecord record, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.BackchannelAuthentications.Add(new BackchannelAuthenticationEntity
        {
            AuthReqIdHash = record.AuthReqIdHash, Realm = record.Realm, ClientId = record.ClientId, UserId = record.UserId,
            Scopes = Lists.Spaces(record.Scopes), BindingMessage = record.BindingMessage, AcrValues = record.AcrValues,
            CreatedAt = record.CreatedAt, ExpiresAt = record.ExpiresAt, IntervalSeconds = record.IntervalSeconds,
            ProtectedNotification = record.ProtectedNotification, Status = Pending,
        });
        await db.SaveChangesAsync(ct);
    }

    public async ValueTask<BackchannelAuthenticationRecord?> FindAsync(string realm, string clientId, string authReqIdHash, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var e = await db.BackchannelAuthentications.AsNoTracking()
            .FirstOrDefaultAsync(r => r.AuthReqIdHash == authReqIdHash && r.Realm == realm && r.ClientId == clientId, ct);
        return e is null ? null : ToRecord(e);
    }

    public async ValueTask<IReadOnlyList<BackchannelAuthenticationRecord>> PendingForUserAsync(string realm, string userId, DateTimeOffset now,
        CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.BackchannelAuthentications.AsNoTracking()
            .Where(r => r.Realm == realm && r.UserId == userId && r.Status == Pending && r.ExpiresAt > now)
            .ToListAsync(ct);
        return rows.OrderBy(r => r.CreatedAt).Select(ToRecord).ToArray();
    }

    public async ValueTask<BackchannelAuthenticationRecord?> TryDecideAsync(string realm, string userId, string authReqIdHash, UserApproval? approval,
        DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var pending = db.BackchannelAuthentications.Where(r =>
            r.AuthReqIdHash == authReqIdHash && r.Realm == realm && r.UserId == userId && r.Status == Pending && r.ExpiresAt > now);
        var changed = approval is null
            ? await pending.ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, Denied).SetProperty(r => r.DecidedAt, now), ct)
            : await pending.ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, Approved).SetProperty(r => r.DecidedAt, now)
                .SetProperty(r => r.GrantId, approval.GrantId).SetProperty(r => r.AuthTime, approval.AuthTime)
                .SetProperty(r => r.SessionId, approval.SessionId).SetProperty(r => r.Amr, Lists.Spaces(approval.Amr)), ct);
        if (changed != 1) return null;
        var e = await db.BackchannelAuthentications.AsNoTracking().FirstAsync(r => r.AuthReqIdHash == authReqIdHash, ct);
        return ToRecord(e);
    }

    public async ValueTask<bool> TryRecordPollAsync(string realm, string authReqIdHash, DateTimeOffset? previousPoll, DateTimeOffset now,
        int intervalSeconds, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = db.BackchannelAuthentications.Where(r => r.AuthReqIdHash == authReqIdHash && r.Realm == realm);
        row = previousPoll is { } previous ? row.Where(r => r.LastPolledAt == previous) : row.Where(r => r.LastPolledAt == null);
        return await row.ExecuteUpdateAsync(s => s.SetProperty(r => r.LastPolledAt, now).SetProperty(r => r.IntervalSeconds, intervalSeconds), ct) == 1;
    }

    public async ValueTask<Consumption<BackchannelAuthenticationRecord>> TryConsumeAsync(string realm, string clientId, string authReqIdHash,
        DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var approved = db.BackchannelAuthentications.Where(r =>
            r.AuthReqIdHash == authReqIdHash && r.Realm == realm && r.ClientId == clientId && r.Status == Approved);
        var won = await approved.Where(r => r.ConsumedAt == null).ExecuteUpdateAsync(s => s.SetProperty(r => r.ConsumedAt, now), ct) == 1;
        var e = await approved.AsNoTracking().FirstOrDefaultAsync(ct);
        if (e is null) return Consumption<BackchannelAuthenticationRecord>.NotFound;
        return new(won ? ConsumeOutcome.Consumed : ConsumeOutcome.AlreadyConsumed, ToRecord(e));
    }

    private static BackchannelAuthenticationRecord ToRecord(BackchannelAuthenticationEntity e) => new()
    {
        AuthReqIdHash = e.AuthReqIdHash, Realm = e.Realm, ClientId = e.ClientId, UserId = e.UserId, Scopes = Lists.FromSpaces(e.Scopes),
        BindingMessage = e.BindingMessage, AcrValues = e.AcrValues, CreatedAt = e.CreatedAt, ExpiresAt = e.ExpiresAt,
        IntervalSeconds = e.IntervalSeconds, LastPolledAt = e.LastPolledAt, ProtectedNotification = e.ProtectedNotification,
        Status = (AuthorizationRequestStatus)e.Status, ConsumedAt = e.ConsumedAt,
        Approval = e.Status == Approved && e.GrantId is not null && e.AuthTime is { } authTime
            ? new UserApproval(e.UserId, e.GrantId, authTime, e.SessionId, Lists.FromSpaces(e.Amr))
            : null,
    };
}
