using System.Buffers;
using System.Text;
using System.Text.Json;
using Latchkey.Protocol.Audit;

namespace Latchkey.Server.Operations;

/// <summary>
/// Each audit event as one line of JSON in the log category "Latchkey.Audit" (level Information, event id 1), so
/// it can be routed to its own sink by configuration. Field names are stable; absent fields are left out.
/// </summary>
public sealed class JsonAuditLog(ILoggerFactory loggers, TimeProvider clock)
{
    public const string Category = "Latchkey.Audit";
    private static readonly EventId AuditEventId = new(1, "Audit");
    private readonly ILogger _log = loggers.CreateLogger(Category);

    public void Write(AuditEvent e)
    {
        if (!_log.IsEnabled(LogLevel.Information)) return;
        _log.Log(LogLevel.Information, AuditEventId, ToJson(e), null, static (line, _) => line);
    }

    public string ToJson(AuditEvent e)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("time", clock.GetUtcNow().UtcDateTime.ToString("O"));
            w.WriteString("event", e.Name);
            w.WriteString("realm", e.Realm);
            w.WriteString("outcome", e.Outcome);
            Optional(w, "client_id", e.ClientId);
            Optional(w, "sub", e.Subject);
            Optional(w, "username", e.Username);
            Optional(w, "grant_type", e.GrantType);
            Optional(w, "grant_id", e.GrantId);
            Optional(w, "scope", e.Scope);
            Optional(w, "error", e.Error);
            Optional(w, "ip", e.Ip);
            Optional(w, "kid", e.KeyId);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Optional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null) w.WriteString(name, value);
    }
}
