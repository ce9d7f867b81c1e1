namespace Latchkey.Protocol.Users;

/// <summary>A resource owner of one realm. <see cref="Id"/> is the stable, never reassigned <c>sub</c>.</summary>
public sealed record User
{
    public required string Realm { get; init; }
    public required string Id { get; init; }
    public required string Username { get; init; }
    public string? PasswordHash { get; init; }
    public string? Email { get; init; }
    public bool EmailVerified { get; init; }
    public string? GivenName { get; init; }
    public string? FamilyName { get; init; }
    public bool Enabled { get; init; } = true;

    public string? Name =>
        GivenName is null && FamilyName is null ? null : string.Join(' ', new[] { GivenName, FamilyName }.Where(n => n is not null));
}
