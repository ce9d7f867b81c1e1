using System.Text.Json;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Storage;

namespace Latchkey.Protocol.Tokens;

/// <summary>
/// An access token Latchkey issued: a JWT (RFC 9068 §4: typ at+jwt, our key and issuer, unexpired) or a
/// reference handle found in the store; either way not revoked, and with a client_id to say whose it is.
/// </summary>
public sealed class AccessTokenValidator(OwnJwtValidator jwts, IReferenceTokenStore references, IGrantStore grants, TimeProvider clock)
{
    public sealed record ValidAccessToken(string? Subject, string ClientId, IReadOnlyList<string> Scopes, JsonElement Claims);

    public static bool IsJwt(string token) => token.Count(c => c == '.') == 2;

    public async ValueTask<ValidAccessToken?> ValidateAsync(IssuerContext issuer, string token, CancellationToken ct)
    {
        var claims = IsJwt(token)
            ? await jwts.ValidateAsync(issuer, token, TokenTypes.AccessTokenJwt, ct)
            : await ReferenceAsync(issuer, token, ct);
        if (claims is null) return null;
        var clientId = OwnJwtValidator.String(claims.Value, ClaimNames.ClientId);
        if (clientId is null) return null;
        return new ValidAccessToken(OwnJwtValidator.String(claims.Value, ClaimNames.Subject), clientId,
            ScopeList.Parse(OwnJwtValidator.String(claims.Value, ClaimNames.Scope)), claims.Value);
    }

    private async ValueTask<JsonElement?> ReferenceAsync(IssuerContext issuer, string handle, CancellationToken ct)
    {
        if (handle.Length is 0 or > 128) return null;
        var json = await references.FindAsync(issuer.RealmName, RandomToken.Hash(handle), clock.GetUtcNow(), ct);
        if (json is null) return null;
        using var document = JsonDocument.Parse(json);
        var claims = document.RootElement.Clone();
        var jti = OwnJwtValidator.String(claims, ClaimNames.JwtId)!;
        return await grants.IsRevokedAsync(issuer.RealmName, AccessTokenId.GrantIdOf(jti), jti, ct) ? null : claims;
    }
}
