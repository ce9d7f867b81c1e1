using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace Latchkey.Protocol.Clients.Assertions;

/// <summary>One public key from a client's JWK Set (RFC 7517 §4, RFC 7518 §6): RSA, or EC on P-256, P-384 or P-521.</summary>
public sealed class ClientJsonWebKey : IDisposable
{
    private const int MinRsaBits = 2048; // RFC 7518 §3.3

    private readonly AsymmetricAlgorithm _key;
    private readonly string? _curve;
    private readonly string? _algorithm;

    private ClientJsonWebKey(string? keyId, string? algorithm, AsymmetricAlgorithm key, string? curve)
    {
        KeyId = keyId;
        _algorithm = algorithm;
        _key = key;
        _curve = curve;
    }

    public string? KeyId { get; }

    /// <summary>RFC 7517 §4.4: a key that names its alg is used with that one only; RFC 7518 §3.4: the curve fixes the ES size.</summary>
    public bool Fits(string alg) => (_algorithm is null || _algorithm == alg) && _key switch
    {
        RSA => alg[0] is 'R' or 'P',
        ECDsa => alg == _curve switch { "P-256" => "ES256", "P-384" => "ES384", _ => "ES512" },
        _ => false,
    };

    /// <summary>RFC 7518 §3.3 (RS*), §3.4 (ES*, raw R||S), §3.5 (PS*).</summary>
    public bool Verify(string alg, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        var hash = ClientAssertionAlgorithms.HashOf(alg);
        return _key switch
        {
            RSA rsa => rsa.VerifyData(data, signature, hash, alg[0] == 'P' ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1),
            ECDsa ec => ec.VerifyData(data, signature, hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
            _ => false,
        };
    }

    /// <summary>The signing keys of a JWK Set; keys it cannot use (other kty or use, weak, malformed) are left out.</summary>
    public static IReadOnlyList<ClientJsonWebKey> ParseSet(string json)
    {
        var keys = new List<ClientJsonWebKey>();
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("keys", out var array) || array.ValueKind != JsonValueKind.Array) return keys;
            foreach (var jwk in array.EnumerateArray())
            {
                if (jwk.ValueKind == JsonValueKind.Object && Parse(jwk) is { } key) keys.Add(key);
            }
        }
        catch (JsonException)
        {
        }
        return keys;
    }

    private static ClientJsonWebKey? Parse(JsonElement jwk)
    {
        var use = String(jwk, "use");
        if (use is not null && use != "sig") return null;
        try
        {
            return String(jwk, "kty") switch
            {
                "RSA" => Rsa(jwk),
                "EC" => Ec(jwk),
                _ => null,
            };
        }
        catch (Exception e) when (e is FormatException or CryptographicException or ArgumentException)
        {
            return null;
        }
    }

    private static ClientJsonWebKey? Rsa(JsonElement jwk)
    {
        if (Bytes(jwk, "n") is not { } n || Bytes(jwk, "e") is not { } e || n.Length * 8 < MinRsaBits) return null;
        var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters { Modulus = n, Exponent = e });
        return new ClientJsonWebKey(String(jwk, "kid"), String(jwk, "alg"), rsa, null);
    }

    private static ClientJsonWebKey? Ec(JsonElement jwk)
    {
        var crv = String(jwk, "crv");
        ECCurve? curve = crv switch
        {
            "P-256" => ECCurve.NamedCurves.nistP256,
            "P-384" => ECCurve.NamedCurves.nistP384,
            "P-521" => ECCurve.NamedCurves.nistP521,
            _ => null,
        };
        if (curve is null || Bytes(jwk, "x") is not { } x || Bytes(jwk, "y") is not { } y) return null;
        var ec = ECDsa.Create(new ECParameters { Curve = curve.Value, Q = new ECPoint { X = x, Y = y } });
        return new ClientJsonWebKey(String(jwk, "kid"), String(jwk, "alg"), ec, crv);
    }

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static byte[]? Bytes(JsonElement e, string name) => String(e, name) is { Length: > 0 } s ? Base64Url.DecodeFromChars(s) : null;

    public void Dispose() => _key.Dispose();
}
