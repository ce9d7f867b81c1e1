namespace Latchkey.Protocol.Storage;

public interface ISigningKeyStore
{
    ValueTask<IReadOnlyList<StoredSigningKey>> ListAsync(string realm, CancellationToken ct);
    ValueTask AddAsync(StoredSigningKey key, CancellationToken ct);
}
