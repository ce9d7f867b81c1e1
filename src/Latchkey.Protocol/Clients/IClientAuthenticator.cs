using Latchkey.Protocol.Primitives;

namespace Latchkey.Protocol.Clients;

/// <summary>One client authentication method (RFC 6749 §2.3, OIDC Core §9).</summary>
public interface IClientAuthenticator
{
    string Method { get; }

    /// <summary>The credentials this method finds in the request, or null when it does not apply.</summary>
    Result<ClientCredentials>? Extract(OAuthRequest request);

    /// <summary>
    /// Checks the presented credentials against the registered client: null when they prove it,
    /// otherwise why not (logged as the error's debug text, never sent to the caller).
    /// </summary>
    ValueTask<string?> VerifyAsync(Client client, ClientCredentials credentials, ClientAuthenticationContext context, CancellationToken ct);
}
