using System.Text.Json;
using Latchkey.Protocol.Storage;

namespace Latchkey.Protocol.Tokens;

/// <summary>A token Latchkey issued that is still valid: either a JWT access token or a refresh token.</summary>
public sealed record IssuedToken(string ClientId, AccessTokenValidator.ValidAccessToken? Access, RefreshTokenRecord? Refresh)
{
    public string? GrantId => Refresh?.GrantId ?? (JwtId is { } jti ? AccessTokenId.GrantIdOf(jti) : null);

    public string? JwtId => Access is null ? null : OwnJwtValidator.String(Access.Claims, Primitives.ClaimNames.JwtId);
}
