namespace Latchkey.Storage.Entities;

public sealed class OutboundCallEntity
{
    public required string Id { get; set; }
    public required string Kind { get; set; }
    public required string ClientId { get; set; }
    public required string Uri { get; set; }
    public required byte[] ProtectedPayload { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? LeasedUntil { get; set; }
}
