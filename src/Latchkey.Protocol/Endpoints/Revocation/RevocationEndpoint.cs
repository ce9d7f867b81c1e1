using Latchkey.Protocol.Endpoints.Token.Steps;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Storage;
using Latchkey.Protocol.Tokens;

namespace Latchkey.Protocol.Endpoints.Revocation;

/// <summary>
/// RFC 7009. Revoking a refresh token or a JWT access token revokes its whole grant: the refresh
/// family and every access token naming the grant (§2.1 allows both). Unknown tokens get 200 (§2.2).
/// </summary>
public sealed class RevocationEndpoint(ClientAuthentication authenticateClient, TokenLookup tokens, IGrantStore grants, TimeProvider clock)
{
    public async ValueTask<OAuthError?> HandleAsync(IssuerContext issuer, OAuthRequest request, CancellationToken ct)
    {
        if (RejectMalformedParameters.Check(request) is { } malformed) return malformed;
        var caller = await authenticateClient.AuthenticateAsync(issuer.RealmName, request, ct);
        if (!caller.Succeeded) return caller.Error;
        var token = request[Parameters.Token];
        if (token is null) return OAuthErrors.InvalidRequest("token is required.");

        var found = await tokens.FindAsync(issuer, token, ct);
        if (found is null) return null;
        // §2.1: the server verifies the token was issued to the client asking, and refuses otherwise.
        if (found.ClientId != caller.Value!.ClientId)
            return OAuthErrors.InvalidRequest("The client is not allowed to revoke this token.");
        if (found.GrantId is null)
            return new OAuthError(ErrorCodes.UnsupportedTokenType, "This token cannot be revoked; it expires on its own.");
        await grants.RevokeGrantAsync(issuer.RealmName, found.GrantId, clock.GetUtcNow(), ct);
        return null;
    }
}
