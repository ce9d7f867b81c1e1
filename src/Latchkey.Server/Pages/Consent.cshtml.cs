using Latchkey.Protocol.Audit;
using Latchkey.Protocol.Endpoints.Authorize;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Realms;
using Latchkey.Protocol.Scopes;
using Latchkey.Protocol.Storage;
using Latchkey.Server.Http;
using Latchkey.Server.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Latchkey.Server.Pages;

/// <summary>Asks the signed-in user to approve the scopes they have not approved for this client before.</summary>
public sealed class ConsentModel(AuthorizeFlow flow, LoginSessionCookie sessions, IConsentStore consents, IUserStore users, ScopeCatalog catalog, TimeProvider clock,
    IAuditSink audit)
    : PageModel
{
    [BindProperty(Name = "request", SupportsGet = true)] public string? Carried { get; set; }
    [BindProperty] public string? Decision { get; set; }
    public bool Invalid { get; private set; }
    public string? ClientName { get; private set; }
    public string? UserName { get; private set; }
    public IReadOnlyList<ScopeDefinition> Scopes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string realm)
    {
        var (request, session, _) = await LoadAsync(realm);
        if (request is null) return Page();
        if (session is null) return Redirect(LoginUrl(realm));
        var granted = await consents.GrantedScopesAsync(realm, session.UserId, request.Client.ClientId, HttpContext.RequestAborted);
        var asked = request.Scopes.Where(s => !granted.Contains(s)).ToArray();
        var all = await catalog.AllAsync(realm, HttpContext.RequestAborted);
        Scopes = (asked.Length > 0 ? asked : request.Scopes).Select(s => all[s]).ToArray();
        UserName = (await users.FindByIdAsync(realm, session.UserId, HttpContext.RequestAborted))?.Username;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string realm)
    {
        var (request, session, issuer) = await LoadAsync(realm);
        if (request is null) return Page();
        if (session is null) return Redirect(LoginUrl(realm));
        audit.Record(new AuditEvent(Decision == "allow" ? AuditEvents.ConsentGranted : AuditEvents.ConsentDenied, realm)
        {
            Outcome = Decision == "allow" ? AuditOutcomes.Success : AuditOutcomes.Failure, ClientId = request.Client.ClientId,
            Subject = session.UserId, Scope = string.Join(' ', request.Scopes), Ip = HttpContext.Connection.RemoteIpAddress?.ToString(),
        });
        if (Decision != "allow")
            return AuthorizationResponseWriter.Result(HttpContext,
                AuthorizationResponseIssuer.Error(issuer!, request, OAuthErrors.AccessDenied("The user denied access.")));
        await consents.GrantAsync(realm, session.UserId, request.Client.ClientId, request.Scopes, clock.GetUtcNow(), HttpContext.RequestAborted);
        var next = AuthorizeReturn.WithoutPrompt(AuthorizeReturn.Parse(Carried), Prompts.Consent);
        return Redirect(AuthorizeReturn.AuthorizeUrl($"/realms/{Uri.EscapeDataString(realm)}", next));
    }

    private async Task<(AuthorizeRequest?, Protocol.Sessions.LoginSession?, Protocol.Tokens.IssuerContext?)> LoadAsync(string realm)
    {
        PageCaching.Forbid(Response);
        var (issuer, validation) = await flow.RevalidateAsync(HttpContext, realm, AuthorizeReturn.Parse(Carried));
        if (validation?.Request is null)
        {
            Invalid = true;
            Response.StatusCode = 400;
            return (null, null, null);
        }
        ClientName = validation.Request.Client.DisplayName ?? validation.Request.Client.ClientId;
        return (validation.Request, await sessions.ReadAsync(HttpContext, realm), issuer);
    }

    private string LoginUrl(string realm) => $"/realms/{Uri.EscapeDataString(realm)}/login?request={Uri.EscapeDataString(Carried ?? "")}";
}
