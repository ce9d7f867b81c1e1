using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Users;
using Latchkey.Server.Http;
using Latchkey.Server.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Latchkey.Server.Pages;

/// <summary>Username and password against the realm's users, throttled per user and per IP.</summary>
public sealed class LoginModel(AuthorizeFlow flow, IPasswordAuthenticator passwords, LoginSessionCookie sessions)
    : PageModel
{
    private static readonly string[] PasswordAmr = ["pwd"];

    [BindProperty(Name = "request", SupportsGet = true)] public string? Carried { get; set; }
    [BindProperty] public string? Username { get; set; }
    [BindProperty] public string? Password { get; set; }
    public bool Invalid { get; private set; }
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
        return Redirect(AuthorizeReturn.AuthorizeUrl(RealmPath(realm), AuthorizeReturn.AfterLogin(request)));
    }

    private IActionResult Fail(string message)
    {
        Message = message;
        Response.StatusCode = 400;
        return Page();
    }

    private async Task<OAuthRequest?> LoadAsync(string realm)
    {
        Response.Headers.CacheControl = "no-store";
        var request = AuthorizeReturn.Parse(Carried);
        var (_, validation) = await flow.RevalidateAsync(HttpContext, realm, request);
        if (validation?.Request is null)
        {
            Invalid = true;
            Response.StatusCode = 400;
            return null;
        }
        ClientName = validation.Request.Client.DisplayName ?? validation.Request.Client.ClientId;
        return request;
    }

    private static string RealmPath(string realm) => $"/realms/{Uri.EscapeDataString(realm)}";
}
