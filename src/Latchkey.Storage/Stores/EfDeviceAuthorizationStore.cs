using Latchkey.Protocol.Storage;
using Latchkey.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Storage.Stores;

/// <summary>
/// Device authorization requests. The decision, each poll and the redemption are single conditional UPDATEs,
/// so the database decides which of two concurrent callers wins, whichever node they reached.
/// </summary>
public sealed class EfDeviceAuthorizationStore(IDbContextFactory<LatchkeyDbContext> factory) : IDeviceAuthorizationStore
{
    private const int Pending = (int)AuthorizationRequestStatus.Pending;
    private const int Approved = (int)AuthorizationRequestStatus.Approved;
    private const int Denied = (int)AuthorizationRequestStatus.Denied;

    public async ValueTask<bool> TryStoreAsync(DeviceAuthorizationRecord record, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.DeviceAuthorizations.Add(new DeviceAuthorizationEntity
        {
            DeviceCodeHash = record.DeviceCodeHash, UserCodeHash = record.UserCodeHash, Realm = record.Realm, ClientId = record.ClientId,
            Scopes = Lists.Spaces(record.Scopes), CreatedAt = record.CreatedAt, ExpiresAt = record.ExpiresAt,
            IntervalSeconds = record.IntervalSeconds, Status = Pending,
        });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // The unique (realm, user code) index refused it: the caller draws another code. Anything else is a bug.
            if (await UserCodeTakenAsync(record.Realm, record.UserCodeHash, ct)) return false;
            throw;
        }
    }

    private async Task<bool> UserCodeTakenAsync(string realm, string userCodeHash, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.DeviceAuthorizations.AnyAsync(d => d.Realm == realm && d.UserCodeHash == userCodeHash, ct);
    }

    public async ValueTask<DeviceAuthorizationRecord?> FindByUserCodeAsync(string realm, string userCodeHash, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var e = await db.DeviceAuthorizations.AsNoTracking().FirstOrDefaultAsync(d => d.Realm == realm && d.UserCodeHash == userCodeHash, ct);
        return e is null ? null : ToRecord(e);
    }

    public async ValueTask<DeviceAuthorizationRecord?> FindByDeviceCodeAsync(string realm, string clientId, string deviceCodeHash, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var e = await db.DeviceAuthorizations.AsNoTracking()
            .FirstOrDefaultAsync(d => d.DeviceCodeHash == deviceCodeHash && d.Realm == realm && d.ClientId == clientId, ct);
        return e is null ? null : ToRecord(e);
    }

    public async ValueTask<bool> TryDecideAsync(string realm, string userCodeHash, UserApproval? approval, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var pending = db.DeviceAuthorizations.Where(d =>
            d.Realm == realm && d.UserCodeHash == userCodeHash && d.Status == Pending && d.ExpiresAt > now);
        var changed = approval is null
            ? await pending.ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, Denied).SetProperty(d => d.DecidedAt, now), ct)
            : await pending.ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, Approved).SetProperty(d => d.DecidedAt, now)
                .SetProperty(d => d.UserId, approval.UserId).SetProperty(d => d.GrantId, approval.GrantId)
                .SetProperty(d => d.AuthTime, approval.AuthTime).SetProperty(d => d.SessionId, approval.SessionId)
                .SetProperty(d => d.Amr, Lists.Spaces(approval.Amr)), ct);
        return changed == 1;
    }

    public async ValueTask<bool> TryRecordPollAsync(string realm, string deviceCodeHash, DateTimeOffset? previousPoll, DateTimeOffset now,
        int intervalSeconds, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = db.DeviceAuthorizations.Where(d => d.DeviceCodeHash == deviceCodeHash && d.Realm == realm);
        // Compare-and-set on the previous poll time: of two simultaneous polls only one is recorded.
        row = previousPoll is { } previous ? row.Where(d => d.LastPolledAt == previous) : row.Where(d => d.LastPolledAt == null);
        return await row.ExecuteUpdateAsync(s => s.SetProperty(d => d.LastPolledAt, now).SetProperty(d => d.IntervalSeconds, intervalSeconds), ct) == 1;
    }

    public async ValueTask<Consumption<DeviceAuthorizationRecord>> TryConsumeAsync(string realm, string clientId, string deviceCodeHash,
        DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var approved = db.DeviceAuthorizations.Where(d =>
            d.DeviceCodeHash == deviceCodeHash && d.Realm == realm && d.ClientId == clientId && d.Status == Approved);
        var won = await approved.Where(d => d.ConsumedAt == null).ExecuteUpdateAsync(s => s.SetProperty(d => d.ConsumedAt, now), ct) == 1;
        var e = await approved.AsNoTracking().FirstOrDefaultAsync(ct);
        if (e is null) return Consumption<DeviceAuthorizationRecord>.NotFound;
        return new(won ? ConsumeOutcome.Consumed : ConsumeOutcome.AlreadyConsumed, ToRecord(e));
    }

    private static DeviceAuthorizationRecord ToRecord(DeviceAuthorizationEntity e) => new()
    {
        DeviceCodeHash = e.DeviceCodeHash, UserCodeHash = e.UserCodeHash, Realm = e.Realm, ClientId = e.ClientId,
        Scopes = Lists.FromSpaces(e.Scopes), CreatedAt = e.CreatedAt, ExpiresAt = e.ExpiresAt, IntervalSeconds = e.IntervalSeconds,
        LastPolledAt = e.LastPolledAt, Status = (AuthorizationRequestStatus)e.Status, ConsumedAt = e.ConsumedAt,
        Approval = e.Status == Approved && e.UserId is not null && e.GrantId is not null && e.AuthTime is { } authTime
            ? new UserApproval(e.UserId, e.GrantId, authTime, e.SessionId, Lists.FromSpaces(e.Amr))
            : null,
    };
}
