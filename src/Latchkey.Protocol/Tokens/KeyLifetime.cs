namespace Latchkey.Protocol.Tokens;

/// <summary>
/// When a signing key signs and when it is published. A successor is published a propagation time before it
/// starts signing, so every relying party's JWKS cache knows it first; a key that stopped signing stays
/// published for a retention time, until every token it signed has expired.
/// </summary>
public sealed record KeyLifetime(DateTimeOffset ActivatesAt, DateTimeOffset? RetiresAt = null, DateTimeOffset? UnpublishAt = null)
{
    public static KeyLifetime Always { get; } = new(DateTimeOffset.MinValue);

    public bool SignsAt(DateTimeOffset now) => ActivatesAt <= now && (RetiresAt is null || RetiresAt > now);
    public bool PublishedAt(DateTimeOffset now) => UnpublishAt is null || UnpublishAt > now;
}
