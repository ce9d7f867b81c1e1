using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Storage;
using Latchkey.Server.Http;
using Latchkey.Server.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Latchkey.Server.Pages;

/// <summary>Username and password against the realm's users, throttled per user and per IP.</summary>
public sealed class LoginModel(AuthorizeFlow flow, IUserStore users, PasswordVerifier passwords, LoginThrottle throttle, LoginSessionCookie sessions)
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
        var username = Username?.Trim() ?? "";
        var ip = HttpContext.Connection.RemoteIpAddress?.ToString();
        var ct = HttpContext.RequestAborted;
        if (await throttle.RetryAfterAsync(realm, username, ip, ct) is { } wait)
            return Fail($"Too many failed sign-in attempts. Try again in {Math.Ceiling(wait.TotalSeconds)} seconds.");

        var user = username.Length == 0 ? null : await users.FindByUsernameAsync(realm, username, ct);
        if (!passwords.Verify(user, Password ?? ""))
        {
            await throttle.RecordFailureAsync(realm, username, ip, ct);
            return Fail("Invalid username or password.");
        }
        await throttle.RecordSuccessAsync(realm, username, ct);
        await sessions.StartAsync(HttpContext, realm, user!.Id, PasswordAmr);
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
