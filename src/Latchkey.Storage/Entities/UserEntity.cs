namespace Latchkey.Storage.Entities;

public sealed class UserEntity
{
    public required string Id { get; set; }
    public required string Realm { get; set; }
    public required string Username { get; set; }
    /// <summary>Lower-cased for case-insensitive lookup that works the same on every database.</summary>
    public required string NormalizedUsername { get; set; }
    public string? PasswordHash { get; set; }
    public string? Email { get; set; }
    public bool EmailVerified { get; set; }
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    public bool Enabled { get; set; } = true;
}
