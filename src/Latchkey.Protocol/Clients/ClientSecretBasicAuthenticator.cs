using System.Text;
using Latchkey.Protocol.Primitives;

namespace Latchkey.Protocol.Clients;

/// <summary>client_secret_basic: RFC 6749 §2.3.1, HTTP Basic with form-urlencoded id and secret.</summary>
public sealed class ClientSecretBasicAuthenticator : IClientAuthenticator
{
    public string Method => ClientAuthMethods.ClientSecretBasic;

    public Result<ClientCredentials>? Extract(OAuthRequest request)
    {
        var header = request.AuthorizationHeader;
        if (header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return null;
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
        }
        catch (FormatException)
        {
            return OAuthErrors.InvalidClient("Malformed Basic credentials.");
        }
        var colon = decoded.IndexOf(':');
        if (colon <= 0) return OAuthErrors.InvalidClient("Malformed Basic credentials.");
        var id = Uri.UnescapeDataString(decoded[..colon].Replace('+', ' '));
        var secret = Uri.UnescapeDataString(decoded[(colon + 1)..].Replace('+', ' '));
        return new ClientCredentials(Method, id, secret);
    }

    public ValueTask<string?> VerifyAsync(Client client, ClientCredentials credentials, ClientAuthenticationContext context, CancellationToken ct) =>
        ValueTask.FromResult(ClientSecretHasher.VerifyClient(client, credentials.Secret));
}
