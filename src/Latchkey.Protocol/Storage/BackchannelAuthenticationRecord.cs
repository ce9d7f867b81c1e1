namespace Latchkey.Protocol.Storage;

/// <summary>
/// One CIBA authentication request (CIBA Core §7). The user is known from the hint when it is stored; only the
/// SHA-256 of auth_req_id is kept. A ping client's notification (auth_req_id and its client_notification_token,
/// which must be sent back in clear, §10.2) is kept encrypted by the key protector, never in clear.
/// </summary>
public sealed record BackchannelAuthenticationRecord : IDecoupledRequest
{
    public required string AuthReqIdHash { get; init; }
    public required string Realm { get; init; }
    public required string ClientId { get; init; }
    public required string UserId { get; init; }
    public required IReadOnlyList<string> Scopes { get; init; }
    public string? BindingMessage { get; init; }
    public string? AcrValues { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>§7.3 interval now in force; slow_down adds 5 seconds to it as in RFC 8628 §3.5.</summary>
    public required int IntervalSeconds { get; init; }
    public DateTimeOffset? LastPolledAt { get; init; }

    /// <summary>Set for ping mode: the encrypted notification to send when the user decides.</summary>
    public byte[]? ProtectedNotification { get; init; }

    public AuthorizationRequestStatus Status { get; init; } = AuthorizationRequestStatus.Pending;
    public UserApproval? Approval { get; init; }
    public DateTimeOffset? ConsumedAt { get; init; }
}
