using Microsoft.AspNetCore.Identity;

namespace OpenIddictPeer;

/// <summary>
/// The bench user. OpenIddict leaves users to its host; this host keeps one, with its password hashed as Latchkey
/// hashes its users' (ASP.NET Core Identity's PasswordHasher: PBKDF2-HMAC-SHA512, 100,000 iterations), so a
/// login costs both servers the same.
/// </summary>
public sealed class BenchUser(string password)
{
    private static readonly PasswordHasher<BenchUser> Hasher = new();
    private readonly string _hash = Hasher.HashPassword(null!, password);

    public const string Username = "bench-user";
    public const string Subject = "bench-user-sub";
    public const string Email = "bench@example.com";
    public const string Name = "Bench User";

    public bool Verify(string? username, string? password) =>
        Hasher.VerifyHashedPassword(this, _hash, password ?? "") != PasswordVerificationResult.Failed && username == Username;
}
