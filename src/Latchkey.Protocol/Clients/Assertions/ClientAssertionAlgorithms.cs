using System.Security.Cryptography;

namespace Latchkey.Protocol.Clients.Assertions;

/// <summary>
/// The JWS algorithms (RFC 7518 §3.1) a client may sign an assertion with. Never "none" (RFC 7523 §3 item 9:
/// the JWT MUST be digitally signed or MACed), and each method only its own family (RFC 8725 §3.1).
/// </summary>
public static class ClientAssertionAlgorithms
{
    public static readonly IReadOnlyList<string> Asymmetric = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"];
    public static readonly IReadOnlyList<string> Hmac = ["HS256", "HS384", "HS512"];
    public static readonly IReadOnlyList<string> All = [.. Asymmetric, .. Hmac];

    /// <summary>The hash of any supported algorithm: its last three characters are the SHA-2 size.</summary>
    public static HashAlgorithmName HashOf(string alg) => alg[^3..] switch
    {
        "256" => HashAlgorithmName.SHA256,
        "384" => HashAlgorithmName.SHA384,
        _ => HashAlgorithmName.SHA512,
    };

    public static int HashBytes(string alg) => alg[^3..] switch
    {
        "256" => 32,
        "384" => 48,
        _ => 64,
    };
}
