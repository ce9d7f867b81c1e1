using Latchkey.Protocol.Primitives;

namespace Latchkey.Protocol.Clients;

/// <summary>client_secret_post: RFC 6749 §2.3.1, credentials in the form body.</summary>
public sealed class ClientSecretPostAuthenticator : IClientAuthenticator
{
    public string Method => ClientAuthMethods.ClientSecretPost;

    public Result<ClientCredentials>? Extract(OAuthRequest request)
    {
        var secret = request[Parameters.ClientSecret];
        var id = request[Parameters.ClientId];
        if (secret is null) return null;
        if (id is null) return OAuthErrors.InvalidClient("client_secret without client_id.");
        return new ClientCredentials(Method, id, secret);
    }

    public ValueTask<string?> VerifyAsync(Client client, ClientCredentials credentials, ClientAuthenticationContext context, CancellationToken ct) =>
        ValueTask.FromResult(ClientSecretHasher.VerifyClient(client, credentials.Secret));
}
