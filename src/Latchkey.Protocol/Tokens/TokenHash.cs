using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Latchkey.Protocol.Tokens;

/// <summary>at_hash and c_hash (OIDC Core §3.1.3.6, §3.3.2.11): left half of SHA-256 for our 256-bit algorithms.</summary>
public static class TokenHash
{
    public static string Of(string value)
    {
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(value));
        return Base64Url.EncodeToString(hash.AsSpan(0, hash.Length / 2));
    }
}
