namespace Latchkey.Protocol.Storage;

/// <summary>
/// One device authorization request (RFC 8628 §3.1–§3.5). Only SHA-256 hashes of the device code and
/// of the normalized user code are stored. The user fields are set when the user approves.
/// </summary>
public sealed record DeviceAuthorizationRecord : IDecoupledRequest
{
    public required string DeviceCodeHash { get; init; }
    public required string UserCodeHash { get; init; }
    public required string Realm { get; init; }
    public required string ClientId { get; init; }
    public required IReadOnlyList<string> Scopes { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>§3.5: the polling interval now in force; slow_down adds 5 seconds to it.</summary>
    public required int IntervalSeconds { get; init; }
    public DateTimeOffset? LastPolledAt { get; init; }

    public AuthorizationRequestStatus Status { get; init; } = AuthorizationRequestStatus.Pending;
    public UserApproval? Approval { get; init; }
    public DateTimeOffset? ConsumedAt { get; init; }
}
