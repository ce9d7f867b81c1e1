namespace Latchkey.Protocol.Storage;

/// <summary>
/// A request the user decides on another device than the client's (a device code, RFC 8628; a CIBA request):
/// what polling and redemption need to know of it.
/// </summary>
public interface IDecoupledRequest
{
    IReadOnlyList<string> Scopes { get; }
    DateTimeOffset ExpiresAt { get; }
    int IntervalSeconds { get; }
    DateTimeOffset? LastPolledAt { get; }
    AuthorizationRequestStatus Status { get; }
    UserApproval? Approval { get; }
}
