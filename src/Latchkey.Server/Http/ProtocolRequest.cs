using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Tokens;

namespace Latchkey.Server.Http;

/// <summary>The common start of every form-posting endpoint: a known realm and a form body (RFC 6749 §3.2).</summary>
public static class ProtocolRequest
{
    /// <summary>Writes the error itself and returns nulls when the realm is unknown or the body is not a form.</summary>
    public static async Task<(IssuerContext? Issuer, OAuthRequest? Request)> ReadFormAsync(HttpContext http, string realm, IssuerResolver issuers, ILogger log)
    {
        var issuer = await issuers.ResolveAsync(http, realm);
        if (issuer is null)
        {
            await ProtocolResponses.WriteErrorAsync(http, AuthorizeFlow.UnknownRealm, log);
            return (null, null);
        }
        if (!OAuthRequestReader.IsForm(http.Request))
        {
            await ProtocolResponses.WriteErrorAsync(http, OAuthErrors.InvalidRequest("The body must be application/x-www-form-urlencoded."), log);
            return (null, null);
        }
        return (issuer, await OAuthRequestReader.FromFormAsync(http.Request, http.RequestAborted));
    }
}
