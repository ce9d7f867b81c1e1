namespace Latchkey.Protocol.Audit;

/// <summary>For code that runs without a host, such as unit tests.</summary>
public sealed class NoAudit : IAuditSink
{
    public static NoAudit Instance { get; } = new();

    public void Record(AuditEvent e) { }
}
