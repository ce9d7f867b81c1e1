using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Endpoints.Token;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Scopes;
using Latchkey.Protocol.Storage;
using Latchkey.Protocol.Tokens;

namespace Latchkey.Protocol.Grants.AuthorizationCode;

/// <summary>RFC 6749 §4.1.3 with PKCE (RFC 7636 §4.6) and OIDC Core §3.1.3.</summary>
public sealed class AuthorizationCodeGrant(IGrantStore grants, IUserStore users, ScopeCatalog scopes) : IGrantHandler
{
    public string GrantType => GrantTypes.AuthorizationCode;

    public IReadOnlySet<string> Parameters { get; } = new HashSet<string>
    {
        Primitives.Parameters.GrantType, Primitives.Parameters.Code, Primitives.Parameters.RedirectUri,
        Primitives.Parameters.CodeVerifier, Primitives.Parameters.ClientId,
    };

    public bool AllowsPublicClients => true;
    public ClientCapabilities RequiredCapability => ClientCapabilities.StandardFlow;

    public async ValueTask<Result<TokenGrant>> HandleAsync(TokenRequestContext context, CancellationToken ct)
    {
        var (issuer, client, request, now) = context;
        var code = request[Primitives.Parameters.Code];
        if (code is null) return OAuthErrors.InvalidRequest("code is required.");

        var consumed = await grants.TryConsumeCodeAsync(issuer.RealmName, client.ClientId, RandomToken.Hash(code), now, ct);
        var redeemed = await SingleUse.RedeemedAsync(consumed, c => c.GrantId, grants, context, "code", ct);
        if (!redeemed.Succeeded) return redeemed.Error!;
        var record = redeemed.Value!;
        if (record.ExpiresAt <= now) return OAuthErrors.InvalidGrant("The code has expired.");
        if (record.RedirectUri is not null && request[Primitives.Parameters.RedirectUri] != record.RedirectUri)
            return OAuthErrors.InvalidGrant("redirect_uri does not match the authorization request.");
        if (PkceVerifier.Check(record.CodeChallenge, record.CodeChallengeMethod, request[Primitives.Parameters.CodeVerifier]) is { } pkce)
            return pkce;

        var user = await SingleUse.ActiveUserAsync(users, issuer.RealmName, record.UserId, ct);
        if (!user.Succeeded) return user.Error!;

        return await UserAuthorization.TokensAsync(scopes, issuer.RealmName, client, user.Value!, record.Scopes, record.GrantId,
            record.AuthTime, record.SessionId, record.Amr, record.Nonce, ct);
    }
}
