using Latchkey.Protocol.Audit;

namespace Latchkey.Server.Operations;

/// <summary>Every audit event goes to the JSON audit log. An audit failure never fails the request it describes.</summary>
public sealed class HostAuditSink(JsonAuditLog log, ILogger<HostAuditSink> diagnostics) : IAuditSink
{
    public void Record(AuditEvent e)
    {
        try
        {
            log.Write(e);
        }
        catch (Exception failure)
        {
            diagnostics.LogWarning("audit event {Event} not written: {Message}", e.Name, failure.Message);
        }
    }
}
