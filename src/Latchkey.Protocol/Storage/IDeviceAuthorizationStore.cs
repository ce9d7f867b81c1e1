namespace Latchkey.Protocol.Storage;

/// <summary>
/// Device authorization requests (RFC 8628). The decision, each poll and the redemption are
/// conditional updates in the store, so two nodes (or two tabs, or two polls) can never both win.
/// A device code presented by another client than the one it was issued to is not found and left untouched.
/// </summary>
public interface IDeviceAuthorizationStore
{
    /// <summary>False when the user code hash is already taken in the realm; the caller draws another code.</summary>
    ValueTask<bool> TryStoreAsync(DeviceAuthorizationRecord record, CancellationToken ct);

    ValueTask<DeviceAuthorizationRecord?> FindByUserCodeAsync(string realm, string userCodeHash, CancellationToken ct);
    ValueTask<DeviceAuthorizationRecord?> FindByDeviceCodeAsync(string realm, string clientId, string deviceCodeHash, CancellationToken ct);

    /// <summary>
    /// Approves (<paramref name="approval"/> set) or denies (null) a request that is still pending and unexpired.
    /// True when this call decided it.
    /// </summary>
    ValueTask<bool> TryDecideAsync(string realm, string userCodeHash, UserApproval? approval, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// Records a poll at <paramref name="now"/> with the interval now in force, only if no other poll was recorded
    /// since <paramref name="previousPoll"/>. False when another poll came in between.
    /// </summary>
    ValueTask<bool> TryRecordPollAsync(string realm, string deviceCodeHash, DateTimeOffset? previousPoll, DateTimeOffset now,
        int intervalSeconds, CancellationToken ct);

    /// <summary>Redeems an approved request once: Consumed for the one caller that wins, AlreadyConsumed after.</summary>
    ValueTask<Consumption<DeviceAuthorizationRecord>> TryConsumeAsync(string realm, string clientId, string deviceCodeHash, DateTimeOffset now,
        CancellationToken ct);
}
