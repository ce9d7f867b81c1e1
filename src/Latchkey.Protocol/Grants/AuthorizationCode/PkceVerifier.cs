using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Latchkey.Protocol.Primitives;

namespace Latchkey.Protocol.Grants.AuthorizationCode;

/// <summary>RFC 7636: challenge and verifier syntax (§4.1, §4.2) and the check at the token endpoint (§4.6).</summary>
public static class PkceVerifier
{
    /// <summary>§4.1: 43 to 128 characters of [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~".</summary>
    public static bool IsWellFormed(string value) =>
        value.Length is >= 43 and <= 128 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~');

    public static bool Matches(string verifier, string challenge, string method)
    {
        var expected = method == CodeChallengeMethods.S256
            ? Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)))
            : verifier;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(challenge));
    }

    /// <summary>§4.6, and RFC 9700 §2.1.1 against downgrade: a verifier without a challenge is refused too.</summary>
    public static OAuthError? Check(string? challenge, string? method, string? verifier)
    {
        if (challenge is null)
            return verifier is null ? null : OAuthErrors.InvalidGrant("code_verifier sent for a code issued without code_challenge.");
        if (verifier is null) return OAuthErrors.InvalidGrant("code_verifier is required.");
        if (!IsWellFormed(verifier)) return OAuthErrors.InvalidGrant("code_verifier is malformed.");
        return Matches(verifier, challenge, method ?? CodeChallengeMethods.Plain)
            ? null
            : OAuthErrors.InvalidGrant("code_verifier does not match the code_challenge.");
    }
}
