using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Users;
using Latchkey.Server.Http;
using Latchkey.Server.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Latchkey.Server.Pages;

/// <summary>
/// Username and password against the realm's users, throttled per user and per IP. Afterwards the browser goes
/// back to /authorize with the carried request, or, with return=device, to the device page (<see cref="DeviceReturn"/>).
/// </summary>
public sealed class LoginModel(AuthorizeFlow flow, IssuerResolver issuers, IPasswordAuthenticator passwords, LoginSessionCookie sessions)
    : PageModel
{
    private static readonly string[] PasswordAmr = ["pwd"];

    [BindProperty(Name = "request", SupportsGet = true)] public string? Carried { get; set; }
    [BindProperty(Name = DeviceReturn.Parameter, SupportsGet = true)] public string? ReturnTo { get; set; }
    [BindProperty(Name = Parameters.UserCode, SupportsGet = true)] public string? UserCode { get; set; }
    [BindProperty] public string? Username { get; set; }
    [BindProperty] public string? Password { get; set; }
    public bool Invalid { get; private set; }
    public bool ForDevice => DeviceReturn.IsRequested(ReturnTo);
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
        return Redirect(ForDevice
            ? DeviceReturn.DeviceUrl(RealmPath(realm), UserCode)
            : AuthorizeReturn.AuthorizeUrl(RealmPath(realm), AuthorizeReturn.AfterLogin(request)));
    }

    private IActionResult Fail(string message)
    {
        Message = message;
        Response.StatusCode = 400;
        return Page();
    }

    /// <summary>The carried authorization request, validated again; for a device sign-in only the realm is checked.</summary>
    private async Task<OAuthRequest?> LoadAsync(string realm)
    {
        Response.Headers.CacheControl = "no-store";
        if (ForDevice)
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

    private static string RealmPath(string realm) => $"/realms/{Uri.EscapeDataString(realm)}";
}
