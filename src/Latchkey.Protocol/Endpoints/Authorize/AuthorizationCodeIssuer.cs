using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Sessions;
using Latchkey.Protocol.Storage;
using Latchkey.Protocol.Tokens;

namespace Latchkey.Protocol.Endpoints.Authorize;

/// <summary>RFC 6749 §4.1.2: stores a short-lived, single-use code (hashed) and builds the response, with RFC 9207 iss.</summary>
public sealed class AuthorizationCodeIssuer(IGrantStore grants, TimeProvider clock)
{
    public async ValueTask<AuthorizationResponse> IssueAsync(IssuerContext issuer, AuthorizeRequest request, LoginSession session, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var code = RandomToken.Create();
        await grants.StoreCodeAsync(new AuthorizationCodeRecord
        {
            Hash = RandomToken.Hash(code),
            Realm = issuer.RealmName,
            ClientId = request.Client.ClientId,
            UserId = session.UserId,
            GrantId = RandomToken.Create(16),
            Scopes = request.Scopes,
            RedirectUri = request.RedirectUriSupplied ? request.RedirectUri : null,
            CodeChallenge = request.CodeChallenge,
            CodeChallengeMethod = request.CodeChallengeMethod,
            Nonce = request.Nonce,
            AuthTime = session.AuthTime,
            SessionId = session.Id,
            Amr = session.Amr,
            CreatedAt = now,
            ExpiresAt = now + request.Client.AuthorizationCodeLifetime,
        }, ct);

        var parameters = new List<KeyValuePair<string, string>> { new(Parameters.Code, code) };
        if (request.State is not null) parameters.Add(new(Parameters.State, request.State));
        parameters.Add(new(Parameters.Issuer, issuer.Issuer));
        return new AuthorizationResponse(request.RedirectUri, request.ResponseMode, parameters);
    }

    public static AuthorizationResponse Error(IssuerContext issuer, AuthorizeRequest request, OAuthError error) =>
        AuthorizationResponse.ForError(request.RedirectUri, request.ResponseMode, error, request.State, issuer.Issuer);
}
