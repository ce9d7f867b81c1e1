using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Sessions;
using Latchkey.Protocol.Storage;
using Microsoft.Extensions.Options;

namespace Latchkey.Server.Sessions;

/// <summary>
/// The AS's own login session: a random id in an HttpOnly cookie scoped to the realm's path, the
/// session itself in the store. SameSite=Lax so it survives the top-level redirect back from a client;
/// Secure only under HTTPS so plain-http localhost development works.
/// </summary>
public sealed class LoginSessionCookie(ISessionStore sessions, TimeProvider clock, IOptions<LatchkeyOptions> options)
{
    public const string Name = "latchkey_session";

    public async ValueTask<LoginSession?> ReadAsync(HttpContext http, string realm)
    {
        var id = http.Request.Cookies[Name];
        if (string.IsNullOrEmpty(id) || id.Length > 100) return null;
        return await sessions.FindAsync(realm, id, clock.GetUtcNow(), http.RequestAborted);
    }

    /// <summary>Ends the session everywhere (it is deleted from the store) and drops the cookie.</summary>
    public async ValueTask EndAsync(HttpContext http, string realm)
    {
        var id = http.Request.Cookies[Name];
        if (!string.IsNullOrEmpty(id) && id.Length <= 100) await sessions.DeleteAsync(realm, id, http.RequestAborted);
        http.Response.Cookies.Delete(Name, new CookieOptions { Path = CookiePath(realm), Secure = http.Request.IsHttps, SameSite = SameSiteMode.Lax });
    }

    private static string CookiePath(string realm) => $"/realms/{Uri.EscapeDataString(realm)}";

    public async ValueTask<LoginSession> StartAsync(HttpContext http, string realm, string userId, IReadOnlyList<string> amr)
    {
        var previous = http.Request.Cookies[Name];
        if (!string.IsNullOrEmpty(previous) && previous.Length <= 100) await sessions.DeleteAsync(realm, previous, http.RequestAborted);
        var now = clock.GetUtcNow();
        var session = new LoginSession(RandomToken.Create(), realm, userId, now, amr,
            now.AddMinutes(options.Value.SessionLifetimeMinutes));
        await sessions.CreateAsync(session, http.RequestAborted);
        http.Response.Cookies.Append(Name, session.Id, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            Path = CookiePath(realm),
            IsEssential = true,
        });
        return session;
    }
}
