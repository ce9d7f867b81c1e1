using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Primitives;

namespace Latchkey.Protocol.Endpoints.Authorize;

/// <summary>
/// A response_type value as the set it is (OAuth 2.0 Multiple Response Type Encoding Practices §3:
/// space-separated, order does not matter): code, token, id_token and the combinations OIDC Core
/// §3.2 (implicit) and §3.3 (hybrid) define.
/// </summary>
public sealed record ResponseTypeSet(bool Code, bool Token, bool IdToken)
{
    public static readonly IReadOnlyList<string> Supported =
        ["code", "token", "id_token", "id_token token", "code id_token", "code token", "code id_token token"];

    public static ResponseTypeSet? Parse(string value)
    {
        var parts = ScopeList.Parse(value);
        if (parts.Count == 0 || parts.Any(p => p is not (ResponseTypes.Code or ResponseTypes.Token or ResponseTypes.IdToken))) return null;
        return new ResponseTypeSet(parts.Contains(ResponseTypes.Code), parts.Contains(ResponseTypes.Token), parts.Contains(ResponseTypes.IdToken));
    }

    /// <summary>Anything issued straight from /authorize besides a code travels in the front channel.</summary>
    public bool HasFrontChannelTokens => Token || IdToken;

    /// <summary>Multiple Response Types §2.1: fragment is the default, and query must never carry tokens.</summary>
    public string DefaultResponseMode => HasFrontChannelTokens ? ResponseModes.Fragment : ResponseModes.Query;

    /// <summary>Code needs the standard flow; tokens from /authorize need the implicit flow (Keycloak's rule for hybrid: both).</summary>
    public ClientCapabilities RequiredCapabilities =>
        (Code ? ClientCapabilities.StandardFlow : ClientCapabilities.None) | (HasFrontChannelTokens ? ClientCapabilities.ImplicitFlow : ClientCapabilities.None);
}
