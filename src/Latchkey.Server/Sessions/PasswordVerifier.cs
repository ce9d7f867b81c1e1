using System.Buffers.Binary;
using System.Security.Cryptography;
using Latchkey.Protocol.Crypto;
using Latchkey.Protocol.Users;
using Microsoft.AspNetCore.Identity;

namespace Latchkey.Server.Sessions;

/// <summary>
/// User passwords: hashed by ASP.NET Core Identity's PasswordHasher (its v3 format: PBKDF2-HMAC-SHA512, salted,
/// 100,000 iterations). Its own hashes are checked here with <see cref="Pbkdf2"/>, the same derivation about a
/// third faster on Linux; any other format goes back to PasswordHasher.
/// </summary>
public sealed class PasswordVerifier
{
    private static readonly PasswordHasher<User> Hasher = new();
    // Verifying against a real hash when the user does not exist keeps the response time the same,
    // so timing does not reveal which usernames exist.
    private static readonly string DummyHash = Hasher.HashPassword(null!, "latchkey-timing-equalizer");

    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    public bool Verify(User? user, string password)
    {
        if (user?.PasswordHash is null || !user.Enabled)
        {
            Matches(DummyHash, password);
            return false;
        }
        return Matches(user.PasswordHash, password);
    }

    public static bool Matches(string hash, string password) =>
        TryVerifyV3(hash, password) ?? Hasher.VerifyHashedPassword(null!, hash, password) != PasswordVerificationResult.Failed;

    private const byte FormatV3 = 0x01;
    private const uint PrfHmacSha512 = 2; // KeyDerivationPrf.HMACSHA512

    /// <summary>
    /// Identity's v3 layout: 0x01, then big-endian PRF, iteration count and salt length, the salt, the subkey.
    /// Null when the hash is not v3 with HMAC-SHA512 (or is malformed), for PasswordHasher to judge.
    /// </summary>
    private static bool? TryVerifyV3(string hash, string password)
    {
        Span<byte> decoded = stackalloc byte[256];
        // Header (13 bytes), then at least 16 bytes each of salt and subkey, as Identity itself requires.
        if (!Convert.TryFromBase64String(hash, decoded, out var length) || length < 13 + 16 + 16) return null;
        var bytes = decoded[..length];
        if (bytes[0] != FormatV3 || BinaryPrimitives.ReadUInt32BigEndian(bytes[1..]) != PrfHmacSha512) return null;
        var iterations = BinaryPrimitives.ReadUInt32BigEndian(bytes[5..]);
        var saltLength = BinaryPrimitives.ReadUInt32BigEndian(bytes[9..]);
        if (iterations is < 1 or > int.MaxValue || saltLength < 16 || saltLength > (uint)(length - 13 - 16)) return null;
        var salt = bytes.Slice(13, (int)saltLength);
        var expected = bytes[(13 + (int)saltLength)..];
        var actual = Pbkdf2.DeriveBytes(password, salt, (int)iterations, HashAlgorithmName.SHA512, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
