using System.Security.Cryptography;
using Latchkey.Protocol.Clients.Assertions;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Storage;

namespace Latchkey.Protocol.Clients;

/// <summary>
/// client_secret_jwt (OIDC Core §9, RFC 7523 §2.2): an assertion MACed with HS256/384/512 whose key is the
/// UTF-8 octets of the client secret (OIDC Core §10.1), kept encrypted for this purpose only.
/// </summary>
public sealed class ClientSecretJwtAuthenticator(IKeyProtector protector, ClientAssertionAcceptance acceptance) : IClientAuthenticator
{
    public string Method => ClientAuthMethods.ClientSecretJwt;

    /// <summary>HMAC assertions only; any other (and a malformed one) is private_key_jwt's to read and refuse.</summary>
    public Result<ClientCredentials>? Extract(OAuthRequest request)
    {
        var read = ClientAssertion.From(request);
        if (read is not { Succeeded: true, Value: { IsHmac: true } assertion }) return null;
        return new ClientCredentials(Method, assertion.ClientId, null, assertion);
    }

    public async ValueTask<string?> VerifyAsync(Client client, ClientCredentials credentials, ClientAuthenticationContext context, CancellationToken ct)
    {
        var assertion = credentials.Assertion!;
        if (client.ProtectedSecret is null) return "client has no secret kept for client_secret_jwt";
        byte[] key;
        try
        {
            key = protector.Unprotect(client.ProtectedSecret);
        }
        catch (CryptographicException)
        {
            return "the kept secret cannot be decrypted (Data Protection keys changed?)";
        }
        try
        {
            // RFC 7518 §3.2: the key must be at least as long as the hash output.
            if (key.Length < ClientAssertionAlgorithms.HashBytes(assertion.Algorithm)) return $"secret is too short for {assertion.Algorithm}";
            if (!CryptographicOperations.FixedTimeEquals(Mac(assertion, key), assertion.Signature)) return "MAC did not verify";
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
        return await acceptance.AcceptAsync(client, assertion, context, ct);
    }

    private static byte[] Mac(ClientAssertion assertion, byte[] key) => ClientAssertionAlgorithms.HashBytes(assertion.Algorithm) switch
    {
        32 => HMACSHA256.HashData(key, assertion.SigningInput),
        48 => HMACSHA384.HashData(key, assertion.SigningInput),
        _ => HMACSHA512.HashData(key, assertion.SigningInput),
    };
}
