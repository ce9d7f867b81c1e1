using Latchkey.Protocol.Endpoints.EndSession;
using Latchkey.Protocol.Primitives;
using Latchkey.Server.Sessions;

namespace Latchkey.Server.Http;

/// <summary>
/// The browser side of RP-initiated logout: validate, then end the session at once when a valid
/// id_token_hint names the signed-in user, or ask the user first (a logout link alone must not be able
/// to sign anyone out, RP-Initiated Logout §2).
/// </summary>
public sealed class EndSessionFlow(
    IssuerResolver issuers, EndSessionRequestValidator validator, LoginSessionCookie sessions,
    LogoutNotifications notifications, BackchannelDispatcher backchannel)
{
    public sealed record Outcome(OAuthError? Error = null, EndSessionRequest? Request = null, bool NeedsConfirmation = false,
        bool SignedOut = false, IReadOnlyList<string>? FrontchannelUrls = null);

    public async Task<Outcome> RunAsync(HttpContext http, string realm, OAuthRequest request, bool confirmed)
    {
        var issuer = await issuers.ResolveAsync(http, realm);
        if (issuer is null) return new Outcome(AuthorizeFlow.UnknownRealm);
        var validated = await validator.ValidateAsync(issuer, request, http.RequestAborted);
        if (!validated.Succeeded) return new Outcome(validated.Error);
        var logout = validated.Value!;

        var session = await sessions.ReadAsync(http, realm);
        if (session is null) return new Outcome(Request: logout, SignedOut: true);
        // Only a hint from this very session (its sid) signs out without asking: an old ID token of the
        // same user, or one without sid (password grant), could otherwise be replayed to log them out.
        var hintMatches = logout.HintSubject == session.UserId && logout.HintSessionId == session.Sid;
        if (!confirmed && !hintMatches) return new Outcome(Request: logout, NeedsConfirmation: true);
        var notify = await notifications.ForSessionAsync(issuer, session, http.RequestAborted);
        await sessions.EndAsync(http, realm);
        await backchannel.EnqueueAsync(notify.Backchannel, http.RequestAborted);
        return new Outcome(Request: logout, SignedOut: true, FrontchannelUrls: notify.FrontchannelUrls);
    }
}
