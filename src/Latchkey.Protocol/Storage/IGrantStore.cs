namespace Latchkey.Protocol.Storage;

/// <summary>
/// Codes and refresh tokens. Consumption is atomic in the store so two nodes can never both
/// redeem one code or rotate one refresh token. A handle presented by a client it was not issued to
/// counts as not found and is left untouched (RFC 6749 §4.1.3, §6), so a thief cannot burn it.
/// </summary>
public interface IGrantStore
{
    ValueTask StoreCodeAsync(AuthorizationCodeRecord code, CancellationToken ct);
    ValueTask<Consumption<AuthorizationCodeRecord>> TryConsumeCodeAsync(string realm, string clientId, string hash, DateTimeOffset now, CancellationToken ct);

    ValueTask StoreRefreshTokenAsync(RefreshTokenRecord token, CancellationToken ct);
    /// <summary>Consumes a refresh token and stores its successor (same family, scopes and expiry) as one atomic step.</summary>
    ValueTask<RefreshRotation> RotateRefreshTokenAsync(RefreshRotationRequest request, CancellationToken ct);

    /// <summary>A refresh token that could be used right now: not rotated, revoked, expired, nor of a revoked grant.</summary>
    ValueTask<RefreshTokenRecord?> FindActiveRefreshTokenAsync(string realm, string hash, DateTimeOffset now, CancellationToken ct);

    /// <summary>Revokes the grant: its refresh-token family and every access token that names it.</summary>
    ValueTask RevokeGrantAsync(string realm, string grantId, DateTimeOffset now, CancellationToken ct);
    /// <summary>
    /// Whether an access token is revoked: its whole grant, or just the token itself (its jti, revoked
    /// by <see cref="RevokeGrantAsync"/> with the jti as id, for a token that has no grant of its own).
    /// </summary>
    ValueTask<bool> IsRevokedAsync(string realm, string? grantId, string jti, CancellationToken ct);

    /// <summary>Revokes every grant a user made to a client (codes and refresh-token families alike).</summary>
    ValueTask RevokeClientGrantsAsync(string realm, string userId, string clientId, DateTimeOffset now, CancellationToken ct);

    /// <summary>The client a grant was made for (its code, refresh tokens or device request); null when unknown.</summary>
    ValueTask<string?> GrantOwnerAsync(string realm, string grantId, CancellationToken ct);
}
