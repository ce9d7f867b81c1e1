using Latchkey.Protocol.Primitives;
using Latchkey.Server.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Latchkey.Server.Pages;

/// <summary>/authorize, GET or POST. Clients post here from other sites, so there is no anti-forgery token to check.</summary>
[IgnoreAntiforgeryToken]
public sealed class AuthorizeModel(AuthorizeFlow flow) : PageModel
{
    public OAuthError? Error { get; private set; }

    public Task<IActionResult> OnGetAsync(string realm) => RunAsync(realm, OAuthRequestReader.FromQuery(Request));

    public async Task<IActionResult> OnPostAsync(string realm) =>
        OAuthRequestReader.IsForm(Request)
            ? await RunAsync(realm, await OAuthRequestReader.FromFormAsync(Request, HttpContext.RequestAborted))
            : ShowError(OAuthErrors.InvalidRequest("The request body must be a form."));

    private async Task<IActionResult> RunAsync(string realm, OAuthRequest request)
    {
        PageCaching.Forbid(Response);
        var outcome = await flow.RunAsync(HttpContext, realm, request);
        if (outcome.ErrorPage is not null) return ShowError(outcome.ErrorPage);
        if (outcome.Redirect is not null) return Redirect(outcome.Redirect);
        return AuthorizationResponseWriter.Result(HttpContext, outcome.Response!);
    }

    private IActionResult ShowError(OAuthError error)
    {
        Error = error;
        Response.StatusCode = error.Status;
        return Page();
    }
}
