using Latchkey.Protocol.Tokens;

namespace Latchkey.Protocol.Clients;

/// <summary>Where the client is authenticating: the issuer and the endpoint it called (the audience of an assertion).</summary>
public sealed record ClientAuthenticationContext(IssuerContext Issuer, string EndpointPath)
{
    /// <summary>
    /// RFC 7523 §3 item 3 and OIDC Core §9: aud identifies this authorization server. Accepted: the issuer, the
    /// token endpoint URL (which OIDC Core names) and the URL of the endpoint being called.
    /// </summary>
    public IReadOnlySet<string> Audiences => new HashSet<string>(StringComparer.Ordinal)
    {
        Issuer.Issuer,
        Issuer.Issuer + Endpoints.EndpointPaths.Token,
        Issuer.Issuer + EndpointPath,
    };
}
