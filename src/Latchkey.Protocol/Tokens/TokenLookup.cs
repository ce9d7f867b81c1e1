using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Storage;

namespace Latchkey.Protocol.Tokens;

/// <summary>
/// Finds what a presented token is, for introspection and revocation: a JWT or reference access token,
/// or else a refresh-token handle. token_type_hint only orders the search (RFC 7662
/// §2.1, RFC 7009 §2.1), it never makes a token of the other kind inactive.
/// </summary>
public sealed class TokenLookup(AccessTokenValidator accessTokens, IGrantStore grants, TimeProvider clock)
{
    public async ValueTask<IssuedToken?> FindAsync(IssuerContext issuer, string token, CancellationToken ct)
    {
        var access = await accessTokens.ValidateAsync(issuer, token, ct);
        if (access is not null) return new IssuedToken(access.ClientId, access, null);
        if (AccessTokenValidator.IsJwt(token)) return null;
        var refresh = await grants.FindActiveRefreshTokenAsync(issuer.RealmName, RandomToken.Hash(token), clock.GetUtcNow(), ct);
        return refresh is null ? null : new IssuedToken(refresh.ClientId, null, refresh);
    }
}
