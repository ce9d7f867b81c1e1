using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Latchkey.Server.Tests.Infrastructure;

/// <summary>Validates Latchkey's tokens with Microsoft.IdentityModel against the realm's published JWKS, as a relying party would.</summary>
public static class Jwt
{
    /// <param name="expires">False for JWTs that carry no exp by design, such as RFC 9701 introspection answers.</param>
    public static async Task<TokenValidationResult> ValidateAsync(OAuthTestClient client, string token, string audience, string? type = null, bool expires = true)
    {
        var jwks = new JsonWebKeySet(await client.Http.GetStringAsync($"{client.RealmPath}/jwks"));
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = client.Issuer,
            ValidAudience = audience,
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidateLifetime = expires,
            ClockSkew = TimeSpan.Zero,
            ValidTypes = type is null ? null : [type],
            RequireExpirationTime = expires,
            LifetimeValidator = expires ? (nbf, exp, _, _) => exp > client.Server.Clock.GetUtcNow().UtcDateTime : null,
        };
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, parameters);
    }

    public static JsonElement Payload(string token) =>
        JsonDocument.Parse(Base64UrlEncoder.Decode(token.Split('.')[1])).RootElement.Clone();

    public static JsonElement Header(string token) =>
        JsonDocument.Parse(Base64UrlEncoder.Decode(token.Split('.')[0])).RootElement.Clone();
}
