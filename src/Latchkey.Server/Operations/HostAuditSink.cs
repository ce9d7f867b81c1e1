using Latchkey.Protocol.Audit;

namespace Latchkey.Server.Operations;

/// <summary>Every audit event goes to the JSON audit log and the metrics. An audit failure never fails the request it describes.</summary>
public sealed class HostAuditSink(JsonAuditLog log, LatchkeyMetrics metrics, ILogger<HostAuditSink> diagnostics) : IAuditSink
{
    public void Record(AuditEvent e)
    {
        try
        {
            metrics.Record(e);
            log.Write(e);
        }
        catch (Exception failure)
        {
            diagnostics.LogWarning("audit event {Event} not written: {Message}", e.Name, failure.Message);
        }
    }
}
