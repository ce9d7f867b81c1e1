namespace Latchkey.Protocol.Storage;

/// <summary>Where a request that waits for the user's decision elsewhere (a device, CIBA) stands.</summary>
public enum AuthorizationRequestStatus
{
    /// <summary>Waiting for the user (RFC 8628 §3.3, CIBA Core §8).</summary>
    Pending,
    Approved,
    Denied,
}

/// <summary>Who approved, from which login session: what the tokens will say about the user.</summary>
public sealed record UserApproval(string UserId, string GrantId, DateTimeOffset AuthTime, string? SessionId, IReadOnlyList<string> Amr);
