using System.Text;
using System.Text.Json;
using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Clients.Assertions;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Storage;

namespace Latchkey.Server.Admin;

/// <summary>
/// How a client will authenticate (docs/configuration.md#client-authentication), checked when it is registered,
/// and the secret material that follows: a hash for client_secret_basic/post, a hash plus the secret encrypted
/// with the key protector for client_secret_jwt, nothing for private_key_jwt and public clients.
/// </summary>
public static class ClientAuthRules
{
    /// <summary>RFC 7518 §3.2: an HS256 key is at least 256 bits.</summary>
    private const int MinJwtSecretBytes = 32;

    public static void Check(ClientRegistration r)
    {
        var method = r.TokenEndpointAuthMethod;
        if (method is not null && !ClientAuthMethods.All.Contains(method))
            throw new AdminException($"Unknown token endpoint auth method '{method}'. Known: {string.Join(", ", ClientAuthMethods.All)}.");
        if (r.Type == ClientType.Public && method is not (null or ClientAuthMethods.None))
            throw new AdminException("A public client has no credentials: its auth method is none.");
        if (r.Type == ClientType.Confidential && method == ClientAuthMethods.None)
            throw new AdminException("A confidential client needs an auth method other than none.");
        if (method == ClientAuthMethods.PrivateKeyJwt && (r.Jwks is null) == (r.JwksUri is null))
            throw new AdminException("private_key_jwt needs the client's keys: either jwks or jwksUri, not both.");
        if (method != ClientAuthMethods.PrivateKeyJwt && (r.Jwks is not null || r.JwksUri is not null))
            throw new AdminException("jwks and jwksUri are for private_key_jwt clients only.");
        if (r.Jwks is not null) CheckJwks(r.Jwks);
        if (r.JwksUri is not null) CheckJwksUri(r.JwksUri);
        if (method == ClientAuthMethods.ClientSecretJwt && r.ChosenSecret is { } secret && Encoding.UTF8.GetByteCount(secret) < MinJwtSecretBytes)
            throw new AdminException($"A client_secret_jwt secret must be at least {MinJwtSecretBytes} bytes (RFC 7518 §3.2).");
    }

    /// <summary>The secret hash and encrypted secret to store, and the secret to show once if one was generated.</summary>
    public static (string? Hash, byte[]? Protected, string? Generated) Secrets(ClientRegistration r, string? existingHash, byte[]? existingProtected,
        IKeyProtector protector)
    {
        if (r.Type == ClientType.Public || r.TokenEndpointAuthMethod == ClientAuthMethods.PrivateKeyJwt) return (null, null, null);
        var hash = existingHash;
        string? plain = null, generated = null;
        var changed = false;
        if (r.ChosenSecret is { } chosen)
        {
            plain = chosen;
            if (hash is null || !ClientSecretHasher.Verify(chosen, hash)) (hash, changed) = (ClientSecretHasher.HashChosen(chosen), true);
        }
        else if (hash is null)
        {
            plain = generated = ClientSecretHasher.GenerateSecret();
            (hash, changed) = (ClientSecretHasher.HashGenerated(generated), true);
        }
        if (r.TokenEndpointAuthMethod != ClientAuthMethods.ClientSecretJwt) return (hash, null, generated);
        if (!changed && existingProtected is not null) return (hash, existingProtected, generated);
        if (plain is null)
        {
            // Switching an existing client to client_secret_jwt: its secret exists only as a hash, so it gets a new one.
            plain = generated = ClientSecretHasher.GenerateSecret();
            hash = ClientSecretHasher.HashGenerated(generated);
        }
        return (hash, Protect(protector, plain), generated);
    }

    public static byte[] Protect(IKeyProtector protector, string secret) => protector.Protect(Encoding.UTF8.GetBytes(secret));

    private static void CheckJwks(string jwks)
    {
        try
        {
            using var document = JsonDocument.Parse(jwks);
            if (document.RootElement.TryGetProperty("keys", out var keys) && keys.ValueKind == JsonValueKind.Array
                && keys.EnumerateArray().Any(k => k.ValueKind == JsonValueKind.Object && k.TryGetProperty("d", out _)))
                throw new AdminException("The JWKS holds a private key: register only the public half.");
        }
        catch (JsonException e)
        {
            throw new AdminException($"The JWKS is not JSON: {e.Message}");
        }
        var usable = ClientJsonWebKey.ParseSet(jwks);
        foreach (var key in usable) key.Dispose();
        if (usable.Count == 0)
            throw new AdminException("The JWKS has no usable signing key (RSA of 2048 bits or more, or EC on P-256, P-384 or P-521).");
    }

    private static void CheckJwksUri(string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("https" or "http"))
            throw new AdminException($"jwksUri '{uri}' is not an absolute https URI.");
        if (parsed.Scheme == Uri.UriSchemeHttp && !parsed.IsLoopback)
            throw new AdminException($"jwksUri '{uri}' must use https (http is allowed only on loopback).");
    }
}
