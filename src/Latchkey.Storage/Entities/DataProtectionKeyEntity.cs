namespace Latchkey.Storage.Entities;

/// <summary>One ASP.NET Core Data Protection key, as the XML the key manager wrote; every node reads the same ring.</summary>
public sealed class DataProtectionKeyEntity
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}
