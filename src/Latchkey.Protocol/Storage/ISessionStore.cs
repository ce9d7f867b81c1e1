using Latchkey.Protocol.Sessions;

namespace Latchkey.Protocol.Storage;

/// <summary>Login sessions, stored server-side so logout on one node ends them everywhere.</summary>
public interface ISessionStore
{
    ValueTask CreateAsync(LoginSession session, CancellationToken ct);
    ValueTask<LoginSession?> FindAsync(string realm, string sessionId, DateTimeOffset now, CancellationToken ct);
    ValueTask DeleteAsync(string realm, string sessionId, CancellationToken ct);

    /// <summary>Remembers that a client received a code or tokens in the session with this sid (for logout notifications).</summary>
    ValueTask AddClientAsync(string realm, string sid, string clientId, CancellationToken ct);
    ValueTask<IReadOnlyList<string>> ClientsAsync(string realm, string sid, CancellationToken ct);
}
