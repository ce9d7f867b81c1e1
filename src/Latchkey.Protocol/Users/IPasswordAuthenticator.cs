using Latchkey.Protocol.Primitives;

namespace Latchkey.Protocol.Users;

/// <summary>
/// Checks a username and password with throttling. The one way users prove their password, shared
/// by the login page and the password grant, so a brute-force run is slowed the same on both.
/// </summary>
public interface IPasswordAuthenticator
{
    /// <summary>The user, or a failure whose message never says which of username or password was wrong.</summary>
    ValueTask<PasswordCheck> AuthenticateAsync(string realm, string username, string password, string? remoteAddress, CancellationToken ct);
}
