using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Latchkey.Server.Tests.Infrastructure;

/// <summary>Validates Latchkey's tokens with Microsoft.IdentityModel against the realm's published JWKS, as a relying party would.</summary>
public static class Jwt
{
    public static async Task<TokenValidationResult> ValidateAsync(OAuthTestClient client, string token, string audience, string? type = null)
    {
        var jwks = new JsonWebKeySet(await client.Http.GetStringAsync($"{client.RealmPath}/jwks"));
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = client.Issuer,
            ValidAudience = audience,
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidateLifetime = true,
            ClockSkew = TimeSpan.Zero,
            ValidTypes = type is null ? null : [type],
            LifetimeValidator = (nbf, exp, _, _) => exp > client.Server.Clock.GetUtcNow().UtcDateTime,
        };
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, parameters);
    }

    public static JsonElement Payload(string token) =>
        JsonDocument.Parse(Base64UrlEncoder.Decode(token.Split('.')[1])).RootElement.Clone();

    public static JsonElement Header(string token) =>
        JsonDocument.Parse(Base64UrlEncoder.Decode(token.Split('.')[0])).RootElement.Clone();
}
