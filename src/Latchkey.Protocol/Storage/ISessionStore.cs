using Latchkey.Protocol.Sessions;

namespace Latchkey.Protocol.Storage;

/// <summary>Login sessions, stored server-side so logout on one node ends them everywhere.</summary>
public interface ISessionStore
{
    ValueTask CreateAsync(LoginSession session, CancellationToken ct);
    ValueTask<LoginSession?> FindAsync(string realm, string sessionId, DateTimeOffset now, CancellationToken ct);
    ValueTask DeleteAsync(string realm, string sessionId, CancellationToken ct);
}
