using Latchkey.Protocol.Audit;
using Latchkey.Protocol.Scopes;
using Latchkey.Protocol.Storage;
using Latchkey.Server.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Latchkey.Server.Pages;

/// <summary>
/// The signed-in user's own page: which applications they gave access, and a way to take it back.
/// Removing an application forgets its consent and revokes every grant the user made to it (refresh
/// tokens and the access tokens of those grants).
/// </summary>
public sealed class AccountModel(LoginSessionCookie sessions, IConsentStore consents, IGrantStore grants, IClientStore clients,
    IUserStore users, ScopeCatalog catalog, TimeProvider clock, IAuditSink audit) : PageModel
{
    public sealed record Application(string ClientId, string Name, IReadOnlyList<string> Scopes, DateTimeOffset GrantedAt);

    public IReadOnlyList<Application> Applications { get; private set; } = [];
    public string? UserName { get; private set; }
    [BindProperty(SupportsGet = true, Name = "revoked")] public string? Revoked { get; set; }

    public async Task<IActionResult> OnGetAsync(string realm)
    {
        PageCaching.Forbid(Response);
        var session = await sessions.ReadAsync(HttpContext, realm);
        if (session is null) return Redirect(PageReturn.LoginUrl(PageReturn.RealmPath(realm), PageReturn.Account));
        var ct = HttpContext.RequestAborted;
        UserName = (await users.FindByIdAsync(realm, session.UserId, ct))?.Username;
        var all = await catalog.AllAsync(realm, ct);
        var list = new List<Application>();
        foreach (var (clientId, scopes, grantedAt) in await consents.ListAsync(realm, session.UserId, ct))
        {
            var client = await clients.FindAsync(realm, clientId, ct);
            list.Add(new Application(clientId, client?.DisplayName ?? clientId,
                scopes.Order().Select(s => all.TryGetValue(s, out var d) ? d.Description : s).ToArray(), grantedAt));
        }
        Applications = list;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string realm, [FromForm(Name = "client_id")] string? clientId)
    {
        var session = await sessions.ReadAsync(HttpContext, realm);
        if (session is null) return Redirect(PageReturn.LoginUrl(PageReturn.RealmPath(realm), PageReturn.Account));
        if (string.IsNullOrEmpty(clientId) || clientId.Length > 200) return Redirect($"{PageReturn.RealmPath(realm)}/account");
        var ct = HttpContext.RequestAborted;
        await consents.RemoveAsync(realm, session.UserId, clientId, ct);
        await grants.RevokeClientGrantsAsync(realm, session.UserId, clientId, clock.GetUtcNow(), ct);
        audit.Record(new AuditEvent(AuditEvents.ConsentRevoked, realm)
        {
            ClientId = clientId, Subject = session.UserId, Ip = HttpContext.Connection.RemoteIpAddress?.ToString(),
        });
        var name = (await clients.FindAsync(realm, clientId, ct))?.DisplayName ?? clientId;
        // Post/redirect/get: a reload or Back does not post again.
        return Redirect($"{PageReturn.RealmPath(realm)}/account?revoked={Uri.EscapeDataString(name)}");
    }
}
