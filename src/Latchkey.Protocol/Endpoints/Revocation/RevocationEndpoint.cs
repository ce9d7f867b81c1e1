using Latchkey.Protocol.Audit;
using Latchkey.Protocol.Endpoints.Token.Steps;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Storage;
using Latchkey.Protocol.Tokens;

namespace Latchkey.Protocol.Endpoints.Revocation;

/// <summary>
/// RFC 7009. The client a grant was made for revokes the whole grant with any of its tokens: the
/// refresh family and every access token naming the grant (§2.1 allows both). Any other holder of an
/// access token (a token-exchange client) revokes just that token. Unknown tokens get 200 (§2.2).
/// </summary>
public sealed class RevocationEndpoint(ClientAuthentication authenticateClient, TokenLookup tokens, IGrantStore grants, TimeProvider clock,
    IAuditSink audit)
{
    public async ValueTask<OAuthError?> HandleAsync(IssuerContext issuer, OAuthRequest request, CancellationToken ct)
    {
        if (RejectMalformedParameters.Check(request) is { } malformed) return malformed;
        var caller = await authenticateClient.AuthenticateAsync(issuer, EndpointPaths.Revoke, request, ct);
        if (!caller.Succeeded) return caller.Error;
        var token = request[Parameters.Token];
        if (token is null) return OAuthErrors.InvalidRequest("token is required.");

        var found = await tokens.FindAsync(issuer, token, ct);
        if (found is null) return null;
        // §2.1: the server verifies the token was issued to the client asking, and refuses otherwise.
        if (found.ClientId != caller.Value!.ClientId)
            return OAuthErrors.InvalidRequest("The client is not allowed to revoke this token.");
        var owner = found.GrantId is null ? null : await grants.GrantOwnerAsync(issuer.RealmName, found.GrantId, ct);
        var revoke = owner == caller.Value.ClientId ? found.GrantId! : found.JwtId!;
        await grants.RevokeGrantAsync(issuer.RealmName, revoke, clock.GetUtcNow(), ct);
        audit.Record(new AuditEvent(AuditEvents.TokenRevoked, issuer.RealmName)
        {
            ClientId = caller.Value.ClientId, GrantId = found.GrantId, Ip = request.RemoteAddress,
        });
        return null;
    }
}
