namespace Latchkey.Protocol.Realms;

/// <summary>A realm is its own issuer; every client, user, scope, key and grant belongs to one.</summary>
public sealed record Realm
{
    public required string Name { get; init; }
    public string? DisplayName { get; init; }

    /// <summary>JWS alg for ID and access tokens: RS256 (default), ES256 or PS256.</summary>
    public string SigningAlgorithm { get; init; } = SigningAlgorithms.RS256;

    /// <summary>
    /// Whether the password grant (RFC 6749 §4.3) returns an ID token when openid is asked. On by default, as in
    /// Keycloak: see docs/flows/password.md for why, and when to turn it off.
    /// </summary>
    public bool PasswordGrantIdTokens { get; init; } = true;
}
