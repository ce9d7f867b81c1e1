using Latchkey.Protocol.Users;
using Microsoft.AspNetCore.Identity;

namespace Latchkey.Server.Sessions;

/// <summary>User passwords: ASP.NET Core Identity's PasswordHasher (PBKDF2-HMAC-SHA512, salted, iterated).</summary>
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
        Hasher.VerifyHashedPassword(null!, hash, password) != PasswordVerificationResult.Failed;
}
