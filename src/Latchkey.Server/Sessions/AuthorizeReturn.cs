using Latchkey.Protocol.Endpoints;
using Latchkey.Protocol.Primitives;
using Microsoft.AspNetCore.WebUtilities;

namespace Latchkey.Server.Sessions;

/// <summary>
/// The login and consent pages carry the original authorization request as a query string and send
/// the browser back to /authorize with it: no interaction state lives in a cookie or in one node's
/// memory, so nothing can be lost between pages. Only our own authorize path is ever the target.
/// </summary>
public static class AuthorizeReturn
{
    public static OAuthRequest Parse(string? query) =>
        OAuthRequest.FromPairs(QueryHelpers.ParseQuery(query ?? "")
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? ""))));

    public static string Serialize(OAuthRequest request) =>
        QueryString.Create(request.Pairs().Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).ToString().TrimStart('?');

    /// <summary>After the user has logged in (or consented), that prompt is satisfied and must not loop.</summary>
    public static OAuthRequest WithoutPrompt(OAuthRequest request, string satisfied)
    {
        var remaining = ScopeList.Parse(request[Parameters.Prompt]).Where(p => p != satisfied).ToArray();
        return request.With(Parameters.Prompt, remaining.Length == 0 ? null : string.Join(' ', remaining));
    }

    /// <summary>
    /// After a successful login: prompt=login / select_account and max_age are satisfied (OIDC Core §3.1.2.1),
    /// so carrying them back would send the user to the login page again.
    /// </summary>
    public static OAuthRequest AfterLogin(OAuthRequest request) =>
        WithoutPrompt(WithoutPrompt(request, Prompts.Login), Prompts.SelectAccount).With(Parameters.MaxAge, null);

    public static string AuthorizeUrl(string realmPath, OAuthRequest request) =>
        $"{realmPath}{EndpointPaths.Authorize}?{Serialize(request)}";
}
