namespace Latchkey.Protocol.Tokens;

/// <summary>The realm's keys: the one that signs now, and every key that JWKS publishes.</summary>
public interface IKeyRing
{
    ValueTask<SigningKey> SigningKeyAsync(string realm, string algorithm, CancellationToken ct);
    ValueTask<IReadOnlyList<SigningKey>> PublishedKeysAsync(string realm, CancellationToken ct);
}
