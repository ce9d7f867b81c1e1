namespace Latchkey.Protocol.Storage;

public interface ISigningKeyStore
{
    ValueTask<IReadOnlyList<StoredSigningKey>> ListAsync(string realm, CancellationToken ct);
    ValueTask AddAsync(StoredSigningKey key, CancellationToken ct);

    /// <summary>
    /// Adds a key only when no key of its realm and algorithm signs at its creation time, atomically: false, and nothing
    /// added, when one does (another node generated the realm's first key at the same moment).
    /// </summary>
    ValueTask<bool> AddFirstAsync(StoredSigningKey key, CancellationToken ct);

    /// <summary>
    /// Sets when a key stops signing and stops being published. With <paramref name="onlyIfNotRetired"/>, only a key
    /// not yet given a retirement is changed — of two nodes scheduling a successor at once, one wins. False when
    /// nothing changed.
    /// </summary>
    ValueTask<bool> SetRetirementAsync(string realm, string keyId, DateTimeOffset retiresAt, DateTimeOffset unpublishAt, bool onlyIfNotRetired,
        CancellationToken ct);
}
