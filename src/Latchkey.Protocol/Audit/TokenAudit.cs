using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Endpoints.Token;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Tokens;

namespace Latchkey.Protocol.Audit;

/// <summary>The audit events of the token endpoint, built from what the request and the grant say (never their secrets).</summary>
public static class TokenAudit
{
    public static AuditEvent Issued(IssuerContext issuer, OAuthRequest request, TokenGrant grant) => new(AuditEvents.TokenIssued, issuer.RealmName)
    {
        ClientId = grant.Client.ClientId,
        Subject = grant.Subject,
        GrantType = request[Parameters.GrantType],
        GrantId = grant.GrantId,
        Scope = ScopeList.Join(grant.Scopes),
        Ip = request.RemoteAddress,
    };

    /// <summary>The client as it claimed to be: the request may have failed before it was authenticated.</summary>
    public static AuditEvent Failed(IssuerContext issuer, OAuthRequest request, OAuthError error) => new(AuditEvents.TokenFailed, issuer.RealmName)
    {
        Outcome = AuditOutcomes.Failure,
        ClientId = ClaimedClientId(request),
        GrantType = request[Parameters.GrantType],
        Error = error.Code,
        Ip = request.RemoteAddress,
    };

    /// <summary>A used code or rotated refresh token presented again; the caller has just revoked its grant.</summary>
    public static AuditEvent ReuseDetected(TokenRequestContext context, string grantId) => new(AuditEvents.ReuseDetected, context.Issuer.RealmName)
    {
        Outcome = AuditOutcomes.Failure,
        ClientId = context.Client.ClientId,
        GrantId = grantId,
        GrantType = context.Request[Parameters.GrantType],
        Error = ErrorCodes.InvalidGrant,
        Ip = context.Request.RemoteAddress,
    };

    /// <summary>RFC 8628 §3.5 and CIBA Core §11: a client polling for a decision is not failing.</summary>
    public static bool IsWorthRecording(OAuthError error) =>
        error.Code is not (ErrorCodes.AuthorizationPending or ErrorCodes.SlowDown);

    private static string? ClaimedClientId(OAuthRequest request)
    {
        if (request[Parameters.ClientId] is { Length: <= 256 } id) return id;
        var basic = new ClientSecretBasicAuthenticator().Extract(request);
        return basic is { Succeeded: true } b && b.Value!.ClientId.Length <= 256 ? b.Value.ClientId : null;
    }
}
