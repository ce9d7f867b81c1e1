using Latchkey.Protocol.Endpoints;
using Latchkey.Protocol.Endpoints.Authorize;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Storage;
using Latchkey.Protocol.Tokens;
using Latchkey.Server.Sessions;

namespace Latchkey.Server.Http;

/// <summary>
/// The browser side of /authorize: validate, look at the login session and remembered consent, then
/// send the user to log in, to consent, or back to the client.
/// </summary>
public sealed class AuthorizeFlow(
    IssuerResolver issuers,
    AuthorizeRequestValidator validator,
    LoginSessionCookie sessions,
    IConsentStore consents,
    AuthorizationResponseIssuer codes,
    TimeProvider clock)
{
    public static readonly OAuthError UnknownRealm = new(ErrorCodes.InvalidRequest, "This realm does not exist.", 404);

    public async Task<AuthorizeOutcome> RunAsync(HttpContext http, string realm, OAuthRequest request)
    {
        var issuer = await issuers.ResolveAsync(http, realm);
        if (issuer is null) return new AuthorizeOutcome(UnknownRealm);
        var validation = await validator.ValidateAsync(issuer, request, http.RequestAborted);
        if (validation.ErrorPage is not null) return new AuthorizeOutcome(validation.ErrorPage);
        if (validation.ErrorRedirect is not null) return new AuthorizeOutcome(Response: validation.ErrorRedirect);
        var authorize = validation.Request!;

        var session = await sessions.ReadAsync(http, realm);
        var consented = session is null
            ? new HashSet<string>()
            : await consents.GrantedScopesAsync(realm, session.UserId, authorize.Client.ClientId, http.RequestAborted);
        var decision = InteractionPolicy.Decide(authorize, session, consented, clock.GetUtcNow());

        if (decision.Error is not null) return new AuthorizeOutcome(Response: AuthorizationResponseIssuer.Error(issuer, authorize, decision.Error));
        var carried = AuthorizeReturn.Serialize(request);
        var realmPath = new Uri(issuer.Issuer).AbsolutePath;
        return decision.Kind switch
        {
            InteractionKind.Login => new AuthorizeOutcome(Redirect: $"{realmPath}{EndpointPaths.Login}?request={Uri.EscapeDataString(carried)}"),
            InteractionKind.Consent => new AuthorizeOutcome(Redirect: $"{realmPath}{EndpointPaths.Consent}?request={Uri.EscapeDataString(carried)}"),
            _ => new AuthorizeOutcome(Response: await codes.IssueAsync(issuer, authorize, session!, http.RequestAborted)),
        };
    }

    /// <summary>For the login and consent pages: the carried request, validated again (it came through the browser).</summary>
    public async Task<(IssuerContext? Issuer, AuthorizeValidation? Validation)> RevalidateAsync(HttpContext http, string realm, OAuthRequest request)
    {
        var issuer = await issuers.ResolveAsync(http, realm);
        if (issuer is null) return (null, null);
        return (issuer, await validator.ValidateAsync(issuer, request, http.RequestAborted));
    }
}
