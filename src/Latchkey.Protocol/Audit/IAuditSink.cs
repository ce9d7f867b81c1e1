namespace Latchkey.Protocol.Audit;

/// <summary>Where audit events go; the host writes them as JSON lines and counts them as metrics. Must not throw.</summary>
public interface IAuditSink
{
    void Record(AuditEvent e);
}
