namespace Latchkey.Storage.Entities;

public sealed class RealmEntity
{
    public required string Name { get; set; }
    public string? DisplayName { get; set; }
    public required string SigningAlgorithm { get; set; }
    public bool PasswordGrantIdTokens { get; set; } = true;
}
