using Latchkey.Protocol.Primitives;

namespace Latchkey.Protocol.Clients;

/// <summary>"none": a public client identifies itself by client_id only (RFC 6749 §2.1, OIDC Core §9).</summary>
public sealed class NoneAuthenticator : IClientAuthenticator
{
    public string Method => ClientAuthMethods.None;

    public Result<ClientCredentials>? Extract(OAuthRequest request)
    {
        var id = request[Parameters.ClientId];
        if (id is null) return null;
        return new ClientCredentials(Method, id, null);
    }

    public ValueTask<string?> VerifyAsync(Client client, ClientCredentials credentials, ClientAuthenticationContext context, CancellationToken ct) =>
        ValueTask.FromResult(client.IsPublic ? null : "confidential client sent no credentials");
}
