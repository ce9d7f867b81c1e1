namespace Latchkey.Protocol.Storage;

/// <summary>RFC 7523 §3 item 7: the jti of each client assertion, remembered until the assertion expires.</summary>
public interface IClientAssertionReplayStore
{
    /// <summary>
    /// Records the jti; false when the client already used it and that use has not expired. Atomic in the
    /// database (a unique key), so two nodes cannot both accept one assertion.
    /// </summary>
    ValueTask<bool> TryUseAsync(string realm, string clientId, string jti, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken ct);
}
