namespace Latchkey.Protocol.Storage;

public interface ISigningKeyStore
{
    ValueTask<IReadOnlyList<StoredSigningKey>> ListAsync(string realm, CancellationToken ct);
    ValueTask AddAsync(StoredSigningKey key, CancellationToken ct);

    /// <summary>
    /// Adds the realm's first active key of its algorithm, atomically: false, and nothing added, when the realm
    /// already has one (another node generated it at the same moment).
    /// </summary>
    ValueTask<bool> AddFirstAsync(StoredSigningKey key, CancellationToken ct);
}
