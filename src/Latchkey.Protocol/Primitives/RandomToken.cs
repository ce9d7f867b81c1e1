using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Latchkey.Protocol.Primitives;

/// <summary>High-entropy handles (codes, refresh tokens, secrets) and their storage hashes.</summary>
public static class RandomToken
{
    /// <summary>256 bits by default: RFC 6749 §10.10 asks that guessing be infeasible.</summary>
    public static string Create(int bytes = 32) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));

    /// <summary>Stored form of a handle: SHA-256, so a database leak does not leak usable tokens.</summary>
    public static string Hash(string handle) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(handle)));
}
