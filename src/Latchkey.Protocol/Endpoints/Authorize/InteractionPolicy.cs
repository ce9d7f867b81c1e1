using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Sessions;

namespace Latchkey.Protocol.Endpoints.Authorize;

/// <summary>OIDC Core §3.1.2.3–§3.1.2.4: when to ask for login and consent, and prompt / max_age.</summary>
public static class InteractionPolicy
{
    public static InteractionDecision Decide(AuthorizeRequest request, LoginSession? session, IReadOnlySet<string> consented, DateTimeOffset now)
    {
        var silent = request.Prompts.Contains(Prompts.None);
        var tooOld = session is not null && request.MaxAge is { } maxAge && now - session.AuthTime > TimeSpan.FromSeconds(maxAge);
        // select_account: Latchkey has no account chooser, so the login page (any account may sign in) serves it.
        var reauthenticate = request.Prompts.Contains(Prompts.Login) || request.Prompts.Contains(Prompts.SelectAccount);
        if (session is null || tooOld || reauthenticate)
        {
            return silent
                ? new InteractionDecision(InteractionKind.None, OAuthErrors.LoginRequired("The user is not signed in."))
                : new InteractionDecision(InteractionKind.Login);
        }

        if (!request.Client.ConsentRequired) return InteractionDecision.Ready;
        var missing = request.Scopes.Where(s => !consented.Contains(s)).ToArray();
        if (missing.Length == 0 && !request.Prompts.Contains(Prompts.Consent)) return InteractionDecision.Ready;
        return silent
            ? new InteractionDecision(InteractionKind.None, OAuthErrors.ConsentRequired("The user has not consented."))
            : new InteractionDecision(InteractionKind.Consent, ScopesToConsent: missing);
    }
}
