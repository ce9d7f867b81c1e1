using Latchkey.Protocol.Primitives;
using Latchkey.Server.Http;
using Latchkey.Server.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Latchkey.Server.Pages;

/// <summary>
/// /logout (GET or POST from relying parties, so no anti-forgery token on those) and /logout/confirm,
/// the user's own confirmation, which is anti-forgery protected.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class LogoutModel(EndSessionFlow flow, IOptions<LatchkeyOptions> options, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) : PageModel
{
    public OAuthError? Error { get; private set; }
    public bool NeedsConfirmation { get; private set; }
    public string? ClientName { get; private set; }
    public string? Carried { get; private set; }
    public IReadOnlyList<string> FrontchannelUrls { get; private set; } = [];
    public string? Continue { get; private set; }
    public string Brand => options.Value.Branding.Title;
    public string ConfirmPath => $"/realms/{Uri.EscapeDataString((string)RouteData.Values["realm"]!)}/logout/confirm";

    public Task<IActionResult> OnGetAsync(string realm) => RunAsync(realm, OAuthRequestReader.FromQuery(Request), confirmed: false);

    public async Task<IActionResult> OnPostAsync(string realm) =>
        await RunAsync(realm, OAuthRequestReader.IsForm(Request) ? await OAuthRequestReader.FromFormAsync(Request, HttpContext.RequestAborted)
            : OAuthRequest.Empty, confirmed: false);

    public async Task<IActionResult> OnPostConfirmAsync(string realm, [FromForm(Name = "request")] string? carried)
    {
        if (!await antiforgery.IsRequestValidAsync(HttpContext)) return BadRequest();
        return await RunAsync(realm, AuthorizeReturn.Parse(carried), confirmed: true);
    }

    private async Task<IActionResult> RunAsync(string realm, OAuthRequest request, bool confirmed)
    {
        PageCaching.Forbid(Response);
        var outcome = await flow.RunAsync(HttpContext, realm, request, confirmed);
        if (outcome.Error is not null)
        {
            Error = outcome.Error;
            Response.StatusCode = outcome.Error.Status;
            return Page();
        }
        ClientName = outcome.Request!.Client is { } c ? c.DisplayName ?? c.ClientId : null;
        if (outcome.NeedsConfirmation)
        {
            NeedsConfirmation = true;
            Carried = AuthorizeReturn.Serialize(request);
            return Page();
        }
        if (outcome.FrontchannelUrls is { Count: > 0 } frames)
        {
            // Front-Channel Logout §4: the iframes must load before the browser moves on, so the page
            // renders them and continues to the client after a moment (or by the link, without JavaScript).
            FrontchannelUrls = frames;
            Continue = outcome.Request.RedirectTarget;
            var origins = string.Join(' ', frames.Select(f => new Uri(f).GetLeftPart(UriPartial.Authority)).Distinct());
            Response.Headers.ContentSecurityPolicy =
                $"frame-ancestors 'none'; default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' https: data:; frame-src {origins}";
            return Page();
        }
        return outcome.Request.RedirectTarget is { } target ? Redirect(target) : Page();
    }
}
