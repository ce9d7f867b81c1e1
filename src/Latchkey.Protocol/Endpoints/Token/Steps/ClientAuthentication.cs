using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Storage;
using Latchkey.Protocol.Tokens;

namespace Latchkey.Protocol.Endpoints.Token.Steps;

/// <summary>
/// RFC 6749 §2.3: finds the one method the client used, loads the client, and verifies it.
/// Every failure is invalid_client with 401 (§5.2) and says nothing about which part was wrong.
/// </summary>
public sealed class ClientAuthentication(IEnumerable<IClientAuthenticator> authenticators, IClientStore clients)
{
    private readonly IClientAuthenticator[] _authenticators = authenticators.ToArray();

    /// <param name="endpointPath">The endpoint being called (<see cref="EndpointPaths"/>): an assertion may name its URL as aud.</param>
    public async ValueTask<Result<Client>> AuthenticateAsync(IssuerContext issuer, string endpointPath, OAuthRequest request, CancellationToken ct)
    {
        var presented = Presented(request);
        if (!presented.Succeeded) return presented.Error!;
        var (authenticator, credentials) = presented.Value;

        // RFC 7521 §4.2: a client_id sent beside the credentials must name the same client.
        var bodyClientId = request[Parameters.ClientId];
        if (bodyClientId is not null && bodyClientId != credentials.ClientId)
            return OAuthErrors.InvalidClient("client_id does not match the authenticated client.");

        var client = await clients.FindAsync(issuer.RealmName, credentials.ClientId, ct);
        if (client is null)
            return OAuthErrors.InvalidClient("Client authentication failed.", $"unknown client '{credentials.ClientId}'");
        // OIDC Core §9: a client registered for one method must use it.
        if (!client.Accepts(authenticator.Method))
            return OAuthErrors.InvalidClient("Client authentication failed.",
                $"client '{client.ClientId}' used {authenticator.Method}, registered for {client.TokenEndpointAuthMethod ?? "the default methods"}");
        var failure = await authenticator.VerifyAsync(client, credentials, new ClientAuthenticationContext(issuer, endpointPath), ct);
        if (failure is not null)
            return OAuthErrors.InvalidClient("Client authentication failed.", $"{authenticator.Method} for '{client.ClientId}': {failure}");
        return client;
    }

    private Result<(IClientAuthenticator, ClientCredentials)> Presented(OAuthRequest request)
    {
        (IClientAuthenticator, ClientCredentials)? found = null;
        foreach (var authenticator in _authenticators.Where(a => a.Method != ClientAuthMethods.None))
        {
            var extracted = authenticator.Extract(request);
            if (extracted is null) continue;
            if (!extracted.Value.Succeeded) return extracted.Value.Error!;
            // RFC 6749 §2.3: the client MUST NOT use more than one authentication method per request.
            if (found is not null) return OAuthErrors.InvalidRequest("More than one client authentication method was used.");
            found = (authenticator, extracted.Value.Value!);
        }
        if (found is not null) return found.Value;
        var none = _authenticators.FirstOrDefault(a => a.Method == ClientAuthMethods.None);
        var anonymous = none?.Extract(request);
        if (none is null || anonymous is null || !anonymous.Value.Succeeded)
            return OAuthErrors.InvalidClient("Client authentication is required.");
        return (none, anonymous.Value.Value!);
    }
}
