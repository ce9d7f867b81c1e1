namespace Latchkey.Protocol.Storage;

/// <summary>
/// Replace the refresh token whose hash is <see cref="Hash"/> with its successor, in one atomic step: the
/// successor is stored only by the caller that consumed the presented token. <see cref="ProtectedSuccessor"/>
/// (the successor encrypted, never in plaintext) is kept only for a client with a reuse grace, so that a replay
/// within the grace can be answered with the same successor.
/// </summary>
public sealed record RefreshRotationRequest(
    string Realm, string ClientId, string Hash, string SuccessorHash, byte[]? ProtectedSuccessor, DateTimeOffset Now);

public enum RotationOutcome
{
    /// <summary>This call consumed the token and stored its successor.</summary>
    Rotated,
    /// <summary>The token had been rotated before: a replay (RFC 9700 §4.14.2).</summary>
    AlreadyRotated,
    /// <summary>Expired before it was ever used; nothing was changed.</summary>
    Expired,
    /// <summary>Unknown, of another client, revoked, or of a revoked grant.</summary>
    NotFound,
}

/// <summary>
/// What a rotation found. For <see cref="RotationOutcome.AlreadyRotated"/>: when it was rotated, the successor it
/// was given (encrypted, when kept) and whether that successor is still unused and unrevoked.
/// </summary>
public sealed record RefreshRotation(
    RotationOutcome Outcome, RefreshTokenRecord? Record,
    DateTimeOffset? RotatedAt = null, byte[]? ProtectedSuccessor = null, bool SuccessorActive = false)
{
    public static RefreshRotation NotFound { get; } = new(RotationOutcome.NotFound, null);
}
