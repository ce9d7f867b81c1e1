using Latchkey.Protocol.Audit;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Scopes;
using Latchkey.Protocol.Sessions;
using Latchkey.Protocol.Storage;
using Latchkey.Protocol.Tokens;

namespace Latchkey.Protocol.Endpoints.Authorize;

/// <summary>
/// Builds the successful authorization response: a short-lived, single-use code stored hashed
/// (RFC 6749 §4.1.2) and/or, for implicit and hybrid, an access token and ID token minted here
/// (OIDC Core §3.2.2.5, §3.3.2.5) — never a refresh token. Always state and RFC 9207 iss.
/// </summary>
public sealed class AuthorizationResponseIssuer(
    IGrantStore grants, IUserStore users, ISessionStore sessions, ScopeCatalog scopes, TokenService tokens, TimeProvider clock, IAuditSink audit)
{
    public async ValueTask<AuthorizationResponse> IssueAsync(IssuerContext issuer, AuthorizeRequest request, LoginSession session, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var grantId = RandomToken.Create(16);
        await sessions.AddClientAsync(issuer.RealmName, session.Sid, request.Client.ClientId, ct);
        var parameters = new List<KeyValuePair<string, string>>();
        string? code = null;
        if (request.ResponseType.Code)
        {
            code = await StoreCodeAsync(issuer, request, session, grantId, now, ct);
            parameters.Add(new(Parameters.Code, code));
        }
        if (request.ResponseType.HasFrontChannelTokens)
        {
            var user = await Grants.SingleUse.ActiveUserAsync(users, issuer.RealmName, session.UserId, ct);
            if (!user.Succeeded) return Error(issuer, request, OAuthErrors.AccessDenied("The user is no longer active."));
            var grant = new TokenGrant
            {
                Client = request.Client, User = user.Value, SubjectId = session.UserId, Scopes = request.Scopes, GrantId = grantId,
                Audiences = await scopes.AudiencesAsync(issuer.RealmName, request.Scopes, ct),
                IssueIdToken = request.ResponseType.IdToken, Nonce = request.Nonce,
                AuthTime = session.AuthTime, SessionId = session.Sid, Amr = session.Amr,
            };
            var minted = await tokens.MintAtAuthorizationAsync(issuer, grant, request.ResponseType.Token, code, ct);
            audit.Record(new AuditEvent(AuditEvents.TokenIssued, issuer.RealmName)
            {
                ClientId = request.Client.ClientId, Subject = session.UserId, GrantType = GrantTypes.Implicit, GrantId = grantId, Scope = ScopeList.Join(request.Scopes),
            });
            if (minted.AccessToken is not null)
            {
                parameters.Add(new(Parameters.AccessToken, minted.AccessToken));
                parameters.Add(new(Parameters.TokenType, TokenTypes.Bearer));
                parameters.Add(new(Parameters.ExpiresIn, ((int)request.Client.AccessTokenLifetime.TotalSeconds).ToString()));
            }
            if (minted.IdToken is not null) parameters.Add(new(Parameters.IdToken, minted.IdToken));
        }
        if (request.State is not null) parameters.Add(new(Parameters.State, request.State));
        parameters.Add(new(Parameters.Issuer, issuer.Issuer));
        return new AuthorizationResponse(request.RedirectUri, request.ResponseMode, parameters);
    }

    private async ValueTask<string> StoreCodeAsync(IssuerContext issuer, AuthorizeRequest request, LoginSession session, string grantId,
        DateTimeOffset now, CancellationToken ct)
    {
        var code = RandomToken.Create();
        await grants.StoreCodeAsync(new AuthorizationCodeRecord
        {
            Hash = RandomToken.Hash(code),
            Realm = issuer.RealmName,
            ClientId = request.Client.ClientId,
            UserId = session.UserId,
            GrantId = grantId,
            Scopes = request.Scopes,
            RedirectUri = request.RedirectUriSupplied ? request.RedirectUri : null,
            CodeChallenge = request.CodeChallenge,
            CodeChallengeMethod = request.CodeChallengeMethod,
            Nonce = request.Nonce,
            AuthTime = session.AuthTime,
            SessionId = session.Sid,
            Amr = session.Amr,
            CreatedAt = now,
            ExpiresAt = now + request.Client.AuthorizationCodeLifetime,
        }, ct);
        return code;
    }

    public static AuthorizationResponse Error(IssuerContext issuer, AuthorizeRequest request, OAuthError error) =>
        AuthorizationResponse.ForError(request.RedirectUri, request.ResponseMode, error, request.State, issuer.Issuer);
}
