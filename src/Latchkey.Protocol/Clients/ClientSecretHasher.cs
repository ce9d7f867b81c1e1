using System.Security.Cryptography;
using System.Text;
using Latchkey.Protocol.Crypto;
using Latchkey.Protocol.Primitives;

namespace Latchkey.Protocol.Clients;

/// <summary>
/// Generated secrets carry 256 random bits, so SHA-256 is as safe as a slow hash and costs a
/// microsecond; a secret chosen by a person (imported) gets PBKDF2. Compared in constant time.
/// </summary>
public static class ClientSecretHasher
{
    private const string Sha256Prefix = "sha256$";
    private const string Pbkdf2Prefix = "pbkdf2-sha256$";
    private const int Pbkdf2Iterations = 210_000; // OWASP 2023 guidance for PBKDF2-HMAC-SHA256

    public static string GenerateSecret() => RandomToken.Create(32);

    public static string HashGenerated(string secret) =>
        Sha256Prefix + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string HashChosen(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Pbkdf2.DeriveBytes(secret, salt, Pbkdf2Iterations, HashAlgorithmName.SHA256, 32);
        return $"{Pbkdf2Prefix}{Pbkdf2Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    /// <summary>Null when <paramref name="secret"/> is the client's secret; otherwise why not (for the log).</summary>
    public static string? VerifyClient(Client client, string? secret) =>
        client.SecretHash is null || secret is null ? "client has no secret"
        : Verify(secret, client.SecretHash) ? null
        : "secret did not verify";

    public static bool Verify(string secret, string storedHash)
    {
        if (storedHash.StartsWith(Sha256Prefix, StringComparison.Ordinal))
        {
            var expected = Convert.FromBase64String(storedHash[Sha256Prefix.Length..]);
            return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(secret)), expected);
        }
        if (storedHash.StartsWith(Pbkdf2Prefix, StringComparison.Ordinal))
        {
            var parts = storedHash[Pbkdf2Prefix.Length..].Split('$');
            if (parts.Length != 3 || !int.TryParse(parts[0], out var iterations) || iterations < 1) return false;
            var salt = Convert.FromBase64String(parts[1]);
            var expected = Convert.FromBase64String(parts[2]);
            if (expected.Length == 0) return false;
            var actual = Pbkdf2.DeriveBytes(secret, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
            return CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        return false;
    }
}
