using Latchkey.Protocol.Storage;
using Latchkey.Protocol.Users;

namespace Latchkey.Server.Sessions;

/// <summary>Throttle first (a locked user or address is refused even with the right password), then the slow hash.</summary>
public sealed class ThrottledPasswordAuthenticator(IUserStore users, PasswordVerifier passwords, LoginThrottle throttle) : IPasswordAuthenticator
{
    public async ValueTask<PasswordCheck> AuthenticateAsync(string realm, string username, string password, string? remoteAddress, CancellationToken ct)
    {
        username = username.Trim();
        if (await throttle.RetryAfterAsync(realm, username, remoteAddress, ct) is { } wait) return PasswordCheck.Throttled(wait);
        var user = username.Length == 0 ? null : await users.FindByUsernameAsync(realm, username, ct);
        if (!passwords.Verify(user, password))
        {
            await throttle.RecordFailureAsync(realm, username, remoteAddress, ct);
            return PasswordCheck.Invalid;
        }
        await throttle.RecordSuccessAsync(realm, username, ct);
        return PasswordCheck.Ok(user!);
    }
}
