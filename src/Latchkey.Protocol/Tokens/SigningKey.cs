using System.Security.Cryptography;
using Latchkey.Protocol.Realms;

namespace Latchkey.Protocol.Tokens;

/// <summary>A loaded signing key: the algorithm object is created once and reused for every signature.</summary>
public sealed class SigningKey
{
    private readonly AsymmetricAlgorithm _key;

    public SigningKey(string keyId, string algorithm, AsymmetricAlgorithm key, KeyLifetime? lifetime = null)
    {
        KeyId = keyId;
        Algorithm = algorithm;
        _key = key;
        Lifetime = lifetime ?? KeyLifetime.Always;
    }

    public string KeyId { get; }
    public string Algorithm { get; }
    public KeyLifetime Lifetime { get; }

    /// <summary>RFC 7518 §3.3 (RS256), §3.4 (ES256, raw R||S), §3.5 (PS256).</summary>
    public byte[] Sign(ReadOnlySpan<byte> data) => Algorithm switch
    {
        SigningAlgorithms.RS256 => ((RSA)_key).SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
        SigningAlgorithms.PS256 => ((RSA)_key).SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
        SigningAlgorithms.ES256 => ((ECDsa)_key).SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
        _ => throw new NotSupportedException(Algorithm),
    };

    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) => Algorithm switch
    {
        SigningAlgorithms.RS256 => ((RSA)_key).VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
        SigningAlgorithms.PS256 => ((RSA)_key).VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
        SigningAlgorithms.ES256 => ((ECDsa)_key).VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
        _ => false,
    };

    /// <summary>The public half as a JWK (RFC 7517 §4, RFC 7518 §6).</summary>
    public IReadOnlyDictionary<string, string> PublicJwk()
    {
        var jwk = new Dictionary<string, string> { ["kid"] = KeyId, ["use"] = "sig", ["alg"] = Algorithm };
        if (_key is RSA rsa)
        {
            var p = rsa.ExportParameters(false);
            jwk["kty"] = "RSA";
            jwk["n"] = System.Buffers.Text.Base64Url.EncodeToString(p.Modulus);
            jwk["e"] = System.Buffers.Text.Base64Url.EncodeToString(p.Exponent);
        }
        else if (_key is ECDsa ec)
        {
            var p = ec.ExportParameters(false);
            jwk["kty"] = "EC";
            jwk["crv"] = "P-256";
            jwk["x"] = System.Buffers.Text.Base64Url.EncodeToString(p.Q.X);
            jwk["y"] = System.Buffers.Text.Base64Url.EncodeToString(p.Q.Y);
        }
        return jwk;
    }

    public static AsymmetricAlgorithm Generate(string algorithm) => algorithm switch
    {
        SigningAlgorithms.ES256 => ECDsa.Create(ECCurve.NamedCurves.nistP256),
        _ => RSA.Create(2048),
    };

    public static AsymmetricAlgorithm Import(string algorithm, byte[] pkcs8)
    {
        AsymmetricAlgorithm key = algorithm == SigningAlgorithms.ES256 ? ECDsa.Create() : RSA.Create();
        key.ImportPkcs8PrivateKey(pkcs8, out _);
        return key;
    }
}
