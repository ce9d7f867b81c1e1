using System.Text.Json;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Storage;

namespace Latchkey.Protocol.Tokens;

/// <summary>
/// Validates a JWT this realm issued: our key and algorithm (RFC 8725 §3.1), the expected typ, our
/// issuer, not expired, and — when its jti names a grant — that grant not revoked.
/// </summary>
public sealed class OwnJwtValidator(IKeyRing keys, IGrantStore grants, TimeProvider clock)
{
    /// <param name="acceptExpired">For id_token_hint, which RP-Initiated Logout §2 accepts after it expired.</param>
    public async ValueTask<JsonElement?> ValidateAsync(IssuerContext issuer, string token, string type, CancellationToken ct, bool acceptExpired = false)
    {
        var jwt = JwtReader.Verify(token, await keys.PublishedKeysAsync(issuer.RealmName, ct));
        if (jwt is null || !string.Equals(jwt.Type, type, StringComparison.OrdinalIgnoreCase)) return null;
        var claims = jwt.Claims;
        if (String(claims, ClaimNames.Issuer) != issuer.Issuer) return null;
        if (!claims.TryGetProperty(ClaimNames.Expires, out var exp) || !exp.TryGetInt64(out var expires)
            || (!acceptExpired && DateTimeOffset.FromUnixTimeSeconds(expires) <= clock.GetUtcNow())) return null;
        if (String(claims, ClaimNames.JwtId) is { } jti && await grants.IsRevokedAsync(issuer.RealmName, AccessTokenId.GrantIdOf(jti), jti, ct))
            return null;
        return claims;
    }

    public static string? String(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>aud is a string or an array of strings (RFC 7519 §4.1.3).</summary>
    public static IReadOnlyList<string> Audiences(JsonElement claims) =>
        !claims.TryGetProperty(ClaimNames.Audience, out var aud) ? []
        : aud.ValueKind == JsonValueKind.String ? [aud.GetString()!]
        : aud.ValueKind == JsonValueKind.Array ? aud.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!).ToArray()
        : [];
}
