using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Storage;
using Latchkey.Protocol.Tokens;

namespace Latchkey.Protocol.Endpoints.EndSession;

/// <summary>
/// RP-Initiated Logout 1.0 §2–§3: id_token_hint must be ours (expired is fine); the client comes from
/// it or from client_id, and they must agree; post_logout_redirect_uri must be registered for that
/// client exactly, or there is no redirect at all. Every failure is shown on a page, never redirected.
/// </summary>
public sealed class EndSessionRequestValidator(OwnJwtValidator jwts, IClientStore clients)
{
    public async ValueTask<Result<EndSessionRequest>> ValidateAsync(IssuerContext issuer, OAuthRequest request, CancellationToken ct)
    {
        if (Token.Steps.RejectMalformedParameters.Check(request) is { } malformed) return malformed;
        string? hintSubject = null, hintSid = null, hintClient = null;
        if (request[Parameters.IdTokenHint] is { } hint)
        {
            var claims = await jwts.ValidateAsync(issuer, hint, "JWT", ct, acceptExpired: true);
            if (claims is null) return OAuthErrors.InvalidRequest("id_token_hint is not an ID token issued by this realm.");
            hintSubject = OwnJwtValidator.String(claims.Value, ClaimNames.Subject);
            hintSid = OwnJwtValidator.String(claims.Value, ClaimNames.SessionId);
            hintClient = OwnJwtValidator.String(claims.Value, ClaimNames.AuthorizedParty) ?? OwnJwtValidator.Audiences(claims.Value).FirstOrDefault();
        }
        var clientId = request[Parameters.ClientId];
        if (clientId is not null && hintClient is not null && clientId != hintClient)
            return OAuthErrors.InvalidRequest("client_id does not match the id_token_hint.");
        clientId ??= hintClient;
        var client = clientId is null ? null : await clients.FindAsync(issuer.RealmName, clientId, ct);
        if (clientId is not null && client is null) return OAuthErrors.InvalidRequest("The client is unknown.");

        var redirect = request[Parameters.PostLogoutRedirectUri];
        if (redirect is not null && (client is null || !client.PostLogoutRedirectUris.Contains(redirect, StringComparer.Ordinal)))
            return OAuthErrors.InvalidRequest("post_logout_redirect_uri is not registered for this client.");
        return new EndSessionRequest(client, redirect, request[Parameters.State], hintSubject, hintSid);
    }
}
