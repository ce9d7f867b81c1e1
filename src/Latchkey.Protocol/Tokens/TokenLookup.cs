using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Storage;

namespace Latchkey.Protocol.Tokens;

/// <summary>
/// Finds what a presented token is, for introspection and revocation. A JWT is checked as an access
/// token; anything else as a refresh-token handle. token_type_hint only orders the search (RFC 7662
/// §2.1, RFC 7009 §2.1), it never makes a token of the other kind inactive.
/// </summary>
public sealed class TokenLookup(AccessTokenValidator accessTokens, IGrantStore grants, TimeProvider clock)
{
    public async ValueTask<IssuedToken?> FindAsync(IssuerContext issuer, string token, CancellationToken ct)
    {
        if (token.Count(c => c == '.') == 2)
        {
            var access = await accessTokens.ValidateAsync(issuer, token, ct);
            return access is null ? null : new IssuedToken(access.ClientId, access, null);
        }
        var refresh = await grants.FindActiveRefreshTokenAsync(issuer.RealmName, RandomToken.Hash(token), clock.GetUtcNow(), ct);
        return refresh is null ? null : new IssuedToken(refresh.ClientId, null, refresh);
    }
}
