using Latchkey.Protocol.Primitives;

namespace Latchkey.Protocol.Tokens;

/// <summary>
/// The jti of an access token carries the id of the grant it came from ("{grant}.{random}"), so a
/// revoked grant (code replay, refresh-token reuse) rejects its JWTs at userinfo and introspection
/// without storing every access token.
/// </summary>
public static class AccessTokenId
{
    public static string Create(string? grantId) =>
        grantId is null ? RandomToken.Create(16) : string.Concat(grantId, ".", RandomToken.Create(16));

    public static string? GrantIdOf(string jti)
    {
        var dot = jti.IndexOf('.');
        return dot > 0 ? jti[..dot] : null;
    }
}
