using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Sessions;
using Latchkey.Protocol.Storage;

namespace Latchkey.Protocol.Endpoints.DeviceAuthorization;

/// <summary>
/// RFC 8628 §3.3: the user, signed in at the verification page, types the code shown on the device, sees which
/// client asks for what, and approves or denies. Throttling of guesses is the host's, before it calls here.
/// </summary>
public sealed class DeviceVerification(IDeviceAuthorizationStore store, IClientStore clients, TimeProvider clock)
{
    public async ValueTask<UserCodeLookup> LookupAsync(string realm, string? typed, CancellationToken ct)
    {
        var normalized = UserCode.Normalize(typed);
        if (normalized is null) return new UserCodeLookup(UserCodeOutcome.Malformed);
        var record = await store.FindByUserCodeAsync(realm, UserCode.Hash(normalized), ct);
        if (record is null) return new UserCodeLookup(UserCodeOutcome.NotFound);
        var client = await clients.FindAsync(realm, record.ClientId, ct);
        // A client deleted or switched off since the code was issued could never redeem it: as good as expired.
        var outcome = record.Status != AuthorizationRequestStatus.Pending ? UserCodeOutcome.AlreadyUsed
            : record.ExpiresAt <= clock.GetUtcNow() || client?.Has(ClientCapabilities.DeviceAuthorizationGrant) != true ? UserCodeOutcome.Expired
            : UserCodeOutcome.Pending;
        return new UserCodeLookup(outcome, record, client, UserCode.Display(normalized));
    }

    /// <summary>
    /// Approves for the session's user (the tokens carry its auth_time, sid and amr) or denies. Decided when this
    /// call decided; otherwise what the code has become meanwhile (another tab, a double submit, expiry).
    /// </summary>
    public async ValueTask<UserCodeOutcome> DecideAsync(string realm, UserCodeLookup pending, LoginSession session, bool approve,
        CancellationToken ct)
    {
        var record = pending.Record!;
        var approval = approve
            ? new UserApproval(session.UserId, RandomToken.Create(16), session.AuthTime, session.Sid, session.Amr)
            : null;
        if (await store.TryDecideAsync(realm, record.UserCodeHash, approval, clock.GetUtcNow(), ct)) return UserCodeOutcome.Decided;
        var current = await store.FindByUserCodeAsync(realm, record.UserCodeHash, ct);
        return current is null || current.Status != AuthorizationRequestStatus.Pending ? UserCodeOutcome.AlreadyUsed : UserCodeOutcome.Expired;
    }
}
