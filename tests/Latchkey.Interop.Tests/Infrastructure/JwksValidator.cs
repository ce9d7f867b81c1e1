using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Latchkey.Interop.Tests.Infrastructure;

/// <summary>
/// Checks a Latchkey JWT as a careful relying party would, with Microsoft.IdentityModel and the keys the
/// realm publishes: signature (algorithm from the key), typ when given, iss, aud, exp with no skew.
/// </summary>
public static class JwksValidator
{
    public static async Task<JsonWebToken> ValidateAsync(string jwksJson, string token, string issuer, string audience,
        string? type = null, bool expires = true)
    {
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidAudience = audience,
            IssuerSigningKeys = new JsonWebKeySet(jwksJson).GetSigningKeys(),
            ValidateLifetime = expires,
            RequireExpirationTime = expires,
            ClockSkew = TimeSpan.Zero,
            ValidTypes = type is null ? null : [type],
        };
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, parameters);
        if (!result.IsValid) throw new SecurityTokenValidationException($"token refused: {result.Exception?.Message}", result.Exception);
        return (JsonWebToken)result.SecurityToken;
    }
}
