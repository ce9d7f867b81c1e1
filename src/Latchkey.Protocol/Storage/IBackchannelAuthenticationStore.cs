namespace Latchkey.Protocol.Storage;

/// <summary>
/// CIBA authentication requests (CIBA Core §7–§10). As for device requests, the decision, each poll and the
/// redemption are conditional updates in the store, so two nodes, tabs or polls can never both win.
/// </summary>
public interface IBackchannelAuthenticationStore
{
    ValueTask StoreAsync(BackchannelAuthenticationRecord record, CancellationToken ct);

    /// <summary>A request of this client; another client's auth_req_id is not found.</summary>
    ValueTask<BackchannelAuthenticationRecord?> FindAsync(string realm, string clientId, string authReqIdHash, CancellationToken ct);

    /// <summary>The user's requests still pending and unexpired at <paramref name="now"/>, oldest first.</summary>
    ValueTask<IReadOnlyList<BackchannelAuthenticationRecord>> PendingForUserAsync(string realm, string userId, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// Approves (<paramref name="approval"/> set) or denies (null) a request of <paramref name="userId"/> that is still
    /// pending and unexpired. The request, as it now stands, when this call decided it; null otherwise.
    /// </summary>
    ValueTask<BackchannelAuthenticationRecord?> TryDecideAsync(string realm, string userId, string authReqIdHash, UserApproval? approval,
        DateTimeOffset now, CancellationToken ct);

    /// <summary>Compare-and-set of the last poll, as <see cref="IDeviceAuthorizationStore.TryRecordPollAsync"/>.</summary>
    ValueTask<bool> TryRecordPollAsync(string realm, string authReqIdHash, DateTimeOffset? previousPoll, DateTimeOffset now, int intervalSeconds,
        CancellationToken ct);

    /// <summary>Redeems an approved request once: Consumed for the one caller that wins, AlreadyConsumed after.</summary>
    ValueTask<Consumption<BackchannelAuthenticationRecord>> TryConsumeAsync(string realm, string clientId, string authReqIdHash, DateTimeOffset now,
        CancellationToken ct);
}
