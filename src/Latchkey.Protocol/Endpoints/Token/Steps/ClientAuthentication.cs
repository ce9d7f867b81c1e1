using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Storage;

namespace Latchkey.Protocol.Endpoints.Token.Steps;

/// <summary>
/// RFC 6749 §2.3: finds the one method the client used, loads the client, and verifies it.
/// Every failure is invalid_client with 401 (§5.2) and says nothing about which part was wrong.
/// </summary>
public sealed class ClientAuthentication(IEnumerable<IClientAuthenticator> authenticators, IClientStore clients)
{
    private readonly IClientAuthenticator[] _authenticators = authenticators.ToArray();

    public async ValueTask<Result<Client>> AuthenticateAsync(string realm, OAuthRequest request, CancellationToken ct)
    {
        var presented = Presented(request);
        if (!presented.Succeeded) return presented.Error!;
        var (authenticator, credentials) = presented.Value;

        var bodyClientId = request[Parameters.ClientId];
        if (bodyClientId is not null && bodyClientId != credentials.ClientId)
            return OAuthErrors.InvalidClient("client_id does not match the authenticated client.");

        var client = await clients.FindAsync(realm, credentials.ClientId, ct);
        if (client is null)
            return OAuthErrors.InvalidClient("Client authentication failed.", $"unknown client '{credentials.ClientId}'");
        if (!client.IsPublic && authenticator.Method == ClientAuthMethods.None)
            return OAuthErrors.InvalidClient("Client authentication failed.", "confidential client sent no credentials");
        if (!authenticator.Verify(client, credentials))
            return OAuthErrors.InvalidClient("Client authentication failed.", $"{authenticator.Method} did not verify");
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
