using Latchkey.Protocol.Endpoints.BackchannelAuthentication;
using Latchkey.Protocol.Realms;
using Latchkey.Protocol.Scopes;
using Latchkey.Protocol.Storage;
using Latchkey.Server.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Latchkey.Server.Pages;

/// <summary>
/// CIBA Core §8, the user's authentication device: the signed-in user sees the sign-in requests clients made for
/// them, each with the client's name, its binding message (to compare with the client's screen) and what it asks
/// for, and approves or denies each.
/// </summary>
public sealed class CibaModel(LoginSessionCookie sessions, CibaApproval approval, ScopeCatalog catalog, IUserStore users) : PageModel
{
    public const string Approve = "approve";
    public const string Deny = "deny";

    public sealed record SignInRequest(string Id, string ClientName, string? BindingMessage, IReadOnlyList<ScopeDefinition> Scopes, DateTimeOffset ExpiresAt);

    public IReadOnlyList<SignInRequest> Requests { get; private set; } = [];
    public string? UserName { get; private set; }
    [BindProperty(SupportsGet = true, Name = "done")] public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(string realm)
    {
        PageCaching.Forbid(Response);
        var session = await sessions.ReadAsync(HttpContext, realm);
        if (session is null) return Redirect(PageReturn.LoginUrl(PageReturn.RealmPath(realm), PageReturn.Ciba));
        var ct = HttpContext.RequestAborted;
        UserName = (await users.FindByIdAsync(realm, session.UserId, ct))?.Username;
        var all = await catalog.AllAsync(realm, ct);
        Requests = (await approval.PendingAsync(realm, session.UserId, ct)).Select(p => new SignInRequest(
            p.Id,
            p.Client?.DisplayName ?? p.Record.ClientId,
            p.Record.BindingMessage,
            p.Record.Scopes.Select(s => all.TryGetValue(s, out var known) ? known : new ScopeDefinition(s, s)).ToArray(),
            p.Record.ExpiresAt)).ToArray();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string realm, [FromForm(Name = "request")] string? id, [FromForm(Name = "decision")] string? decision)
    {
        var session = await sessions.ReadAsync(HttpContext, realm);
        if (session is null) return Redirect(PageReturn.LoginUrl(PageReturn.RealmPath(realm), PageReturn.Ciba));
        bool? approve = decision switch { Approve => true, Deny => false, _ => null };
        var decided = approve is not null && await approval.DecideAsync(realm, session, id, approve.Value, HttpContext.RequestAborted);
        var outcome = !decided ? "gone" : approve == true ? "approved" : "denied";
        // Post/redirect/get: a reload or Back does not decide again.
        return Redirect($"{PageReturn.RealmPath(realm)}/ciba?done={outcome}");
    }
}
