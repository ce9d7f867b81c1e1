using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Latchkey.Server.Tests.Infrastructure;

/// <summary>
/// The keys of the test realm's JWT-authenticating clients, and client assertions (RFC 7523 §2.2) built with
/// Microsoft.IdentityModel, as a client library would build them.
/// </summary>
public static class ClientAssertions
{
    public const string JwtBearer = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    /// <summary>client_secret_jwt needs a secret as long as the hash (RFC 7518 §3.2): 64 bytes and more for HS512.</summary>
    public const string JwtSecret = "jwt-secret-for-tests-0123456789abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMNOP";

    public static readonly RsaSecurityKey Rsa = new(RSA.Create(2048)) { KeyId = "rsa-1" };
    public static readonly ECDsaSecurityKey Ec = new(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = "ec-1" };

    /// <summary>The public JWK Set registered inline for the private_key_jwt client.</summary>
    public static string InlineJwks => Jwks(Rsa, Ec);

    public static string Jwks(params SecurityKey[] keys) => JsonSerializer.Serialize(new
    {
        keys = keys.Select(k => JsonWebKeyConverter.ConvertFromSecurityKey(k)).Select(PublicJwk).ToArray(),
    });

    private static Dictionary<string, string> PublicJwk(JsonWebKey jwk)
    {
        var d = new Dictionary<string, string> { ["kty"] = jwk.Kty, ["kid"] = jwk.Kid, ["use"] = "sig" };
        if (jwk.Kty == "RSA") { d["n"] = jwk.N; d["e"] = jwk.E; }
        else { d["crv"] = jwk.Crv; d["x"] = jwk.X; d["y"] = jwk.Y; }
        return d;
    }

    /// <summary>The whole key as a JWK, private part (d) included: what a client keeps, never what it registers.</summary>
    public static Dictionary<string, string> PrivateJwk(ECDsaSecurityKey key)
    {
        var p = key.ECDsa.ExportParameters(includePrivateParameters: true);
        return new Dictionary<string, string>
        {
            ["kty"] = "EC", ["crv"] = "P-256", ["kid"] = key.KeyId, ["x"] = Base64UrlEncoder.Encode(p.Q.X!),
            ["y"] = Base64UrlEncoder.Encode(p.Q.Y!), ["d"] = Base64UrlEncoder.Encode(p.D!),
        };
    }

    /// <summary>Claims of a valid assertion for <paramref name="clientId"/> at the server's current time; change or drop any.</summary>
    public static Dictionary<string, object> Claims(LatchkeyServer server, string clientId, string audience)
    {
        var now = server.Clock.GetUtcNow().ToUnixTimeSeconds();
        return new Dictionary<string, object>
        {
            ["iss"] = clientId, ["sub"] = clientId, ["aud"] = audience, ["jti"] = Guid.NewGuid().ToString(),
            ["iat"] = now, ["exp"] = now + 60,
        };
    }

    public static string Sign(Dictionary<string, object> claims, SecurityKey key, string algorithm) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }
            .CreateToken(JsonSerializer.Serialize(claims), new SigningCredentials(key, algorithm));

    public static string Hmac(Dictionary<string, object> claims, string secret = JwtSecret, string algorithm = SecurityAlgorithms.HmacSha256) =>
        Sign(claims, new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), algorithm);

    /// <summary>RFC 7519 §6.1: an unsecured JWT, which no client authentication may accept.</summary>
    public static string Unsecured(Dictionary<string, object> claims) =>
        $"{Base64UrlEncoder.Encode("{\"alg\":\"none\"}")}.{Base64UrlEncoder.Encode(JsonSerializer.Serialize(claims))}.";

    public static Dictionary<string, string> Form(string assertion, params (string Name, string Value)[] more)
    {
        var form = new Dictionary<string, string> { ["client_assertion_type"] = JwtBearer, ["client_assertion"] = assertion };
        foreach (var (name, value) in more) form[name] = value;
        return form;
    }
}
