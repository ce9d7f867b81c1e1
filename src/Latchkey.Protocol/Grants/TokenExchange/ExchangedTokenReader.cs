using System.Text.Json;
using System.Text.Json.Nodes;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Storage;
using Latchkey.Protocol.Tokens;

namespace Latchkey.Protocol.Grants.TokenExchange;

/// <summary>
/// Reads a subject_token or actor_token of a declared type (RFC 8693 §2.1). Only tokens this realm
/// issued and that are still valid are accepted: foreign issuers, expired and revoked tokens read as null.
/// </summary>
public sealed class ExchangedTokenReader(OwnJwtValidator jwts, AccessTokenValidator accessTokens, IGrantStore grants, TimeProvider clock)
{
    public static bool IsSupported(string type) =>
        type is TokenTypeUris.AccessToken or TokenTypeUris.Jwt or TokenTypeUris.IdToken or TokenTypeUris.RefreshToken;

    public async ValueTask<ExchangedToken?> ReadAsync(IssuerContext issuer, string token, string type, CancellationToken ct)
    {
        switch (type)
        {
            case TokenTypeUris.AccessToken or TokenTypeUris.Jwt:
                var access = await accessTokens.ValidateAsync(issuer, token, ct);
                return access is null ? null : FromJwt(access.Claims, access.ClientId);
            case TokenTypeUris.IdToken:
                // An ID token is meant for the client in its aud; it carries no scope (OIDC Core §2).
                var id = await jwts.ValidateAsync(issuer, token, "JWT", ct);
                return id is null ? null : FromJwt(id.Value, OwnJwtValidator.String(id.Value, ClaimNames.AuthorizedParty));
            case TokenTypeUris.RefreshToken:
                var refresh = await grants.FindActiveRefreshTokenAsync(issuer.RealmName, RandomToken.Hash(token), clock.GetUtcNow(), ct);
                return refresh is null ? null
                    : new ExchangedToken(refresh.UserId, refresh.ClientId, [], refresh.Scopes, refresh.GrantId, refresh.AuthTime, null, refresh.ExpiresAt);
            default:
                return null;
        }
    }

    private static ExchangedToken? FromJwt(JsonElement claims, string? clientId)
    {
        var subject = OwnJwtValidator.String(claims, ClaimNames.Subject);
        if (subject is null || clientId is null) return null;
        DateTimeOffset? authTime = claims.TryGetProperty(ClaimNames.AuthTime, out var at) && at.TryGetInt64(out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
        var jti = OwnJwtValidator.String(claims, ClaimNames.JwtId);
        var actor = claims.TryGetProperty(ClaimNames.Actor, out var act) && act.ValueKind == JsonValueKind.Object
            ? JsonNode.Parse(act.GetRawText())!.AsObject() : null;
        DateTimeOffset? expires = claims.TryGetProperty(ClaimNames.Expires, out var exp) && exp.TryGetInt64(out var e)
            ? DateTimeOffset.FromUnixTimeSeconds(e) : null;
        return new ExchangedToken(subject, clientId, OwnJwtValidator.Audiences(claims),
            ScopeList.Parse(OwnJwtValidator.String(claims, ClaimNames.Scope)), jti is null ? null : AccessTokenId.GrantIdOf(jti), authTime, actor, expires);
    }
}
