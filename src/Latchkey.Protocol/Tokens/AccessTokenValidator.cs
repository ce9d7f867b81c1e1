using System.Text.Json;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Storage;

namespace Latchkey.Protocol.Tokens;

/// <summary>
/// Validates an access token Latchkey issued (RFC 9068 §4): our signature, typ at+jwt, our issuer,
/// not expired, and its grant not revoked.
/// </summary>
public sealed class AccessTokenValidator(IKeyRing keys, IGrantStore grants, TimeProvider clock)
{
    public sealed record ValidAccessToken(string? Subject, string ClientId, IReadOnlyList<string> Scopes, JsonElement Claims);

    public async ValueTask<ValidAccessToken?> ValidateAsync(IssuerContext issuer, string token, CancellationToken ct)
    {
        var jwt = JwtReader.Verify(token, await keys.PublishedKeysAsync(issuer.RealmName, ct));
        if (jwt is null || !string.Equals(jwt.Type, TokenTypes.AccessTokenJwt, StringComparison.OrdinalIgnoreCase)) return null;
        var claims = jwt.Claims;
        if (String(claims, ClaimNames.Issuer) != issuer.Issuer) return null;
        if (!claims.TryGetProperty(ClaimNames.Expires, out var exp) || !exp.TryGetInt64(out var expires)
            || DateTimeOffset.FromUnixTimeSeconds(expires) <= clock.GetUtcNow()) return null;
        var grantId = String(claims, ClaimNames.JwtId) is { } jti ? AccessTokenId.GrantIdOf(jti) : null;
        if (grantId is not null && await grants.IsGrantRevokedAsync(issuer.RealmName, grantId, ct)) return null;
        var clientId = String(claims, ClaimNames.ClientId);
        if (clientId is null) return null;
        return new ValidAccessToken(String(claims, ClaimNames.Subject), clientId, ScopeList.Parse(String(claims, ClaimNames.Scope)), claims);
    }

    private static string? String(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
