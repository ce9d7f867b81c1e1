namespace Latchkey.Protocol.Realms;

/// <summary>A realm is its own issuer; every client, user, scope, key and grant belongs to one.</summary>
public sealed record Realm
{
    public required string Name { get; init; }
    public string? DisplayName { get; init; }

    /// <summary>JWS alg for ID and access tokens: RS256 (default), ES256 or PS256.</summary>
    public string SigningAlgorithm { get; init; } = SigningAlgorithms.RS256;
}
