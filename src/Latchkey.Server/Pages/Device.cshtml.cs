using Latchkey.Protocol.Endpoints.DeviceAuthorization;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Realms;
using Latchkey.Protocol.Scopes;
using Latchkey.Protocol.Sessions;
using Latchkey.Protocol.Storage;
using Latchkey.Server.Http;
using Latchkey.Server.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Latchkey.Server.Pages;

/// <summary>
/// RFC 8628 §3.3, the verification page: the signed-in user types the code shown on the device (case and dash do
/// not matter), sees which client asks for what, and approves or denies. Wrong codes are throttled per user and
/// per IP (§5.1); the confirmation repeats the code so the user can compare it with the device's (§5.4).
/// </summary>
public sealed class DeviceModel(
    IssuerResolver issuers,
    LoginSessionCookie sessions,
    DeviceVerification verification,
    UserCodeThrottle throttle,
    ScopeCatalog catalog,
    IUserStore users) : PageModel
{
    public const string Approve = "approve";
    public const string Deny = "deny";

    [BindProperty(Name = Parameters.UserCode, SupportsGet = true)] public string? UserCode { get; set; }
    [BindProperty] public string? Decision { get; set; }
    public DeviceStep Step { get; private set; } = DeviceStep.EnterCode;
    public string? Message { get; private set; }
    public string? UserName { get; private set; }
    public string? ClientName { get; private set; }
    public string? DisplayCode { get; private set; }
    public IReadOnlyList<ScopeDefinition> Scopes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string realm)
    {
        var session = await StartAsync(realm);
        if (Step == DeviceStep.UnknownRealm) return Page();
        return session is null ? Redirect(PageReturn.LoginUrl(PageReturn.RealmPath(realm), PageReturn.Device, UserCode)) : Page();
    }

    public async Task<IActionResult> OnPostAsync(string realm)
    {
        var session = await StartAsync(realm);
        if (Step == DeviceStep.UnknownRealm) return Page();
        if (session is null) return Redirect(PageReturn.LoginUrl(PageReturn.RealmPath(realm), PageReturn.Device, UserCode));

        var ct = HttpContext.RequestAborted;
        var ip = HttpContext.Connection.RemoteIpAddress?.ToString();
        // A locked user or address is refused before the code is even looked at, right or wrong.
        if (await throttle.RetryAfterAsync(realm, session.UserId, ip, ct) is { } wait)
            return Fail($"Too many incorrect codes. Try again in {Math.Ceiling(wait.TotalSeconds)} seconds.");
        var lookup = await verification.LookupAsync(realm, UserCode, ct);
        // Only a well-formed code that matches nothing can be a guess; a malformed one could never hit.
        if (lookup.Outcome == UserCodeOutcome.NotFound) await throttle.RecordFailureAsync(realm, session.UserId, ip, ct);
        if (lookup.Outcome != UserCodeOutcome.Pending) return Explain(lookup, session);

        bool? approve = Decision switch { Approve => true, Deny => false, _ => null };
        if (approve is null) return await ConfirmAsync(realm, lookup);
        var outcome = await verification.DecideAsync(realm, lookup, session, approve.Value, ct);
        if (outcome != UserCodeOutcome.Decided) return Explain(lookup with { Outcome = outcome }, session);
        return Done(lookup, approve.Value ? DeviceStep.Approved : DeviceStep.Denied);
    }

    private async Task<LoginSession?> StartAsync(string realm)
    {
        PageCaching.Forbid(Response);
        if (await issuers.ResolveAsync(HttpContext, realm) is null)
        {
            Step = DeviceStep.UnknownRealm;
            Response.StatusCode = 404;
            return null;
        }
        var session = await sessions.ReadAsync(HttpContext, realm);
        if (session is not null) UserName = (await users.FindByIdAsync(realm, session.UserId, HttpContext.RequestAborted))?.Username;
        return session;
    }

    private async Task<IActionResult> ConfirmAsync(string realm, UserCodeLookup lookup)
    {
        var all = await catalog.AllAsync(realm, HttpContext.RequestAborted);
        Scopes = lookup.Record!.Scopes.Select(s => all.TryGetValue(s, out var known) ? known : new ScopeDefinition(s, s)).ToArray();
        ClientName = NameOf(lookup);
        DisplayCode = lookup.DisplayCode;
        Step = DeviceStep.Confirm;
        return Page();
    }

    /// <summary>Back, a double submit or a second tab: the user who approved sees the same result again.</summary>
    private IActionResult Explain(UserCodeLookup lookup, LoginSession session) => lookup.Outcome switch
    {
        UserCodeOutcome.AlreadyUsed when lookup.Record?.Approval?.UserId == session.UserId => Done(lookup, DeviceStep.Approved),
        UserCodeOutcome.AlreadyUsed => Fail("That code has already been used. Start again on your device to get a new code."),
        UserCodeOutcome.Expired => Fail("That code has expired. Start again on your device to get a new code."),
        _ => Fail("That code is not valid. Check the code shown on your device and type it again."),
    };

    private IActionResult Done(UserCodeLookup lookup, DeviceStep step)
    {
        ClientName = NameOf(lookup);
        Step = step;
        return Page();
    }

    private IActionResult Fail(string message)
    {
        Message = message;
        Step = DeviceStep.EnterCode;
        Response.StatusCode = 400;
        return Page();
    }

    private static string? NameOf(UserCodeLookup lookup) => lookup.Client?.DisplayName ?? lookup.Client?.ClientId ?? lookup.Record?.ClientId;
}
