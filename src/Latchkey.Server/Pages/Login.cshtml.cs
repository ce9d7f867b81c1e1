using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Users;
using Latchkey.Server.Http;
using Latchkey.Server.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Latchkey.Server.Pages;

/// <summary>
/// Username and password against the realm's users, throttled per user and per IP. Afterwards the browser goes
/// back to /authorize with the carried request, or, account, to that page|account, to that page (<see cref="PageReturn"/>).
/// </summary>
public sealed class LoginModel(AuthorizeFlow flow, IssuerResolver issuers, IPasswordAuthenticator passwords, LoginSessionCookie sessions)
    : PageModel
{
    private static readonly string[] PasswordAmr = ["pwd"];

    [BindProperty(Name = "request", SupportsGet = true)] public string? Carried { get; set; }
    [BindProperty(Name = PageReturn.Parameter, SupportsGet = true)] public string? ReturnTo { get; set; }
    [BindProperty(Name = Parameters.UserCode, SupportsGet = true)] public string? UserCode { get; set; }
    [BindProperty] public string? Username { get; set; }
    [BindProperty] public string? Password { get; set; }
    public bool Invalid { get; private set; }
    /// <summary>Signing in for one of our own pages (device, account) rather than for a client's request.</summary>
    public bool ForPage => PageReturn.IsKnown(ReturnTo);
    public string? ClientName { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string realm)
    {
        var request = await LoadAsync(realm);
        if (request is not null) Username ??= request[Parameters.LoginHint];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string realm)
    {
        var request = await LoadAsync(realm);
        if (request is null) return Page();
        var check = await passwords.AuthenticateAsync(realm, Username ?? "", Password ?? "",
            HttpContext.Connection.RemoteIpAddress?.ToString(), HttpContext.RequestAborted);
        if (check.User is null) return Fail(check.Failure!);
        await sessions.StartAsync(HttpContext, realm, check.User.Id, PasswordAmr);
        return Redirect(ForPage
            ? PageReturn.TargetUrl(PageReturn.RealmPath(realm), ReturnTo!, UserCode)
            : AuthorizeReturn.AuthorizeUrl(PageReturn.RealmPath(realm), AuthorizeReturn.AfterLogin(request)));
    }

    private IActionResult Fail(string message)
    {
        Message = message;
        Response.StatusCode = 400;
        return Page();
    }

    /// <summary>The carried authorization request, validated again; for a sign-in to our own pages only the realm is checked.</summary>
    private async Task<OAuthRequest?> LoadAsync(string realm)
    {
        PageCaching.Forbid(Response);
        if (ForPage)
        {
            if (await issuers.ResolveAsync(HttpContext, realm) is not null) return OAuthRequest.Empty;
            return MarkInvalid();
        }
        var request = AuthorizeReturn.Parse(Carried);
        var (_, validation) = await flow.RevalidateAsync(HttpContext, realm, request);
        if (validation?.Request is null) return MarkInvalid();
        ClientName = validation.Request.Client.DisplayName ?? validation.Request.Client.ClientId;
        return request;
    }

    private OAuthRequest? MarkInvalid()
    {
        Invalid = true;
        Response.StatusCode = 400;
        return null;
    }
}
