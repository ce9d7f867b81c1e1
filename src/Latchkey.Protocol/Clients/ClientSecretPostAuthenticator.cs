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

    public bool Verify(Client client, ClientCredentials credentials) =>
        client.SecretHash is not null && credentials.Secret is not null
        && ClientSecretHasher.Verify(credentials.Secret, client.SecretHash);
}
