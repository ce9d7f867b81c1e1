using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Flows;

/// <summary>The server under test as a client app and its user see it: endpoints, client, redirect URI, scope, credentials.</summary>
public sealed record Target(string Authorize, string Token, string ClientId, string ClientSecret, string RedirectUri, string Scope,
    string Username, string Password)
{
    public static Target From(IReadOnlyDictionary<string, string> o) => new(o["authorize"], o["token"], o["client"], o["secret"],
        o["redirect"], o.GetValueOrDefault("scope", "openid api"), o.GetValueOrDefault("username", "bench-user"), o["password"]);

    /// <summary>RFC 6749 §2.3.1: id and secret are form-urlencoded, then base64.</summary>
    public AuthenticationHeaderValue Basic() =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(ClientId)}:{Uri.EscapeDataString(ClientSecret)}")));

    /// <summary>A code request with PKCE S256 (RFC 7636) and a fresh state and nonce; returns the URL and its verifier.</summary>
    public (string Url, string Verifier) NewAuthorizeRequest()
    {
        var verifier = B64(RandomNumberGenerator.GetBytes(32));
        var challenge = B64(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var query = string.Join("&", new[]
        {
            ("response_type", "code"), ("client_id", ClientId), ("redirect_uri", RedirectUri), ("scope", Scope),
            ("state", B64(RandomNumberGenerator.GetBytes(12))), ("nonce", B64(RandomNumberGenerator.GetBytes(12))),
            ("code_challenge", challenge), ("code_challenge_method", "S256"),
        }.Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2)}"));
        return ($"{Authorize}?{query}", verifier);
    }

    /// <summary>The /token form that redeems <paramref name="code"/> (RFC 6749 §4.1.3, RFC 7636 §4.5).</summary>
    public string RedemptionBody(string code, string verifier) =>
        $"grant_type=authorization_code&code={Uri.EscapeDataString(code)}&redirect_uri={Uri.EscapeDataString(RedirectUri)}&code_verifier={verifier}";

    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
