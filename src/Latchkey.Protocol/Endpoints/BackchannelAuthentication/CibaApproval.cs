using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Sessions;
using Latchkey.Protocol.Storage;

namespace Latchkey.Protocol.Endpoints.BackchannelAuthentication;

/// <summary>
/// CIBA Core §8: the user's authentication device. The signed-in user sees the requests made for them, with the
/// client and its binding_message, and approves or denies each; a ping client is then notified (§10.2). A request
/// is only ever shown to and decided by the user it names.
/// </summary>
public sealed class CibaApproval(IBackchannelAuthenticationStore store, IClientStore clients, IKeyProtector protector, ICibaPingSender pings,
    TimeProvider clock)
{
    public sealed record PendingRequest(string Id, Client? Client, BackchannelAuthenticationRecord Record);

    public async ValueTask<IReadOnlyList<PendingRequest>> PendingAsync(string realm, string userId, CancellationToken ct)
    {
        var records = await store.PendingForUserAsync(realm, userId, clock.GetUtcNow(), ct);
        var pending = new List<PendingRequest>(records.Count);
        foreach (var record in records)
        {
            var client = await clients.FindAsync(realm, record.ClientId, ct);
            // A client switched off since it asked could never redeem the request: not worth the user's attention.
            if (client?.Has(ClientCapabilities.Ciba) == true) pending.Add(new PendingRequest(record.AuthReqIdHash, client, record));
        }
        return pending;
    }

    /// <summary>
    /// Approves for the session's user (the tokens carry its auth_time, sid and amr) or denies. False when the
    /// request is not this user's, no longer pending (another tab, a double submit) or expired.
    /// </summary>
    public async ValueTask<bool> DecideAsync(string realm, LoginSession session, string? id, bool approve, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(id)) return false;
        var approval = approve ? new UserApproval(session.UserId, RandomToken.Create(16), session.AuthTime, session.Sid, session.Amr) : null;
        var decided = await store.TryDecideAsync(realm, session.UserId, id, approval, clock.GetUtcNow(), ct);
        if (decided is null) return false;
        await NotifyAsync(realm, decided, ct);
        return true;
    }

    /// <summary>§10.2: a ping client learns that the result, tokens or access_denied, waits at the token endpoint.</summary>
    private async ValueTask NotifyAsync(string realm, BackchannelAuthenticationRecord decided, CancellationToken ct)
    {
        if (decided.ProtectedNotification is not { } notification) return;
        var client = await clients.FindAsync(realm, decided.ClientId, ct);
        if (client?.BackchannelClientNotificationEndpoint is not { } endpoint) return;
        if (CibaPing.Unprotect(protector, client.ClientId, endpoint, notification) is { } ping) await pings.EnqueueAsync(ping, ct);
    }
}
