using Latchkey.Protocol.Audit;
using Latchkey.Protocol.Storage;
using Latchkey.Protocol.Users;

namespace Latchkey.Server.Sessions;

/// <summary>Throttle first (a locked user or address is refused even with the right password), then the slow hash.</summary>
public sealed class ThrottledPasswordAuthenticator(IUserStore users, PasswordVerifier passwords, LoginThrottle throttle, IAuditSink audit)
    : IPasswordAuthenticator
{
    public async ValueTask<PasswordCheck> AuthenticateAsync(string realm, string username, string password, string? remoteAddress, CancellationToken ct)
    {
        username = username.Trim();
        if (await throttle.RetryAfterAsync(realm, username, remoteAddress, ct) is { } wait)
        {
            audit.Record(new AuditEvent(AuditEvents.LoginLockedOut, realm) { Outcome = AuditOutcomes.Failure, Ip = remoteAddress });
            return PasswordCheck.Throttled(wait);
        }
        var user = username.Length == 0 ? null : await users.FindByUsernameAsync(realm, username, ct);
        if (!passwords.Verify(user, password))
        {
            await throttle.RecordFailureAsync(realm, username, remoteAddress, ct);
            audit.Record(new AuditEvent(AuditEvents.LoginFailed, realm)
            {
                Outcome = AuditOutcomes.Failure, Subject = user?.Id, Username = user?.Username, Ip = remoteAddress,
                Error = user is null ? "unknown_user" : "wrong_password",
            });
            return PasswordCheck.Invalid;
        }
        await throttle.RecordSuccessAsync(realm, username, ct);
        audit.Record(new AuditEvent(AuditEvents.LoginSucceeded, realm) { Subject = user!.Id, Username = user.Username, Ip = remoteAddress });
        return PasswordCheck.Ok(user);
    }
}
