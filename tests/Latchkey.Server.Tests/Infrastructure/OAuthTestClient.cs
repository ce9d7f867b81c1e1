using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace Latchkey.Server.Tests.Infrastructure;

/// <summary>Drives the server the way a browser and a client app would, over real HTTP, one hop at a time.</summary>
public sealed partial class OAuthTestClient(LatchkeyServer server, string realm, CookieContainer cookies, HttpClient http) : IDisposable
{
    public HttpClient Http => http;
    public CookieContainer Cookies => cookies;
    public LatchkeyServer Server => server;
    public string RealmPath => $"/realms/{realm}";
    public string Issuer => server.IssuerOf(realm);

    public static string NewVerifier() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
    public static string ChallengeOf(string verifier) => Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    public string AuthorizeUrl(IEnumerable<KeyValuePair<string, string>> parameters) =>
        QueryHelpers.AddQueryString($"{RealmPath}/authorize", parameters.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));

    /// <summary>A typical code + PKCE request; override any parameter, or drop it by passing null.</summary>
    public static Dictionary<string, string> CodeRequest(string verifier, string clientId = "web", string redirectUri = TestRealm.WebRedirect,
        string scope = "openid profile email offline_access api", params (string Name, string? Value)[] overrides)
    {
        var p = new Dictionary<string, string>
        {
            ["client_id"] = clientId, ["redirect_uri"] = redirectUri, ["response_type"] = "code", ["scope"] = scope,
            ["state"] = "state-" + Guid.NewGuid().ToString("N")[..8], ["nonce"] = "nonce-" + Guid.NewGuid().ToString("N")[..8],
            ["code_challenge"] = ChallengeOf(verifier), ["code_challenge_method"] = "S256",
        };
        foreach (var (name, value) in overrides)
        {
            if (value is null) p.Remove(name); else p[name] = value;
        }
        return p;
    }

    public Task<HttpResponseMessage> GetAsync(string url) => http.GetAsync(url);

    /// <summary>Follows the server's own redirects (authorize → login → consent → authorize) and stops at the client.</summary>
    public async Task<HttpResponseMessage> FollowAsync(string url, string username = "alice", string password = TestRealm.Password, bool allow = true)
    {
        for (var hop = 0; hop < 10; hop++)
        {
            var response = await http.GetAsync(url);
            var location = response.Headers.Location?.OriginalString;
            if (location is null || !location.StartsWith("/")) return response;
            if (location.StartsWith($"{RealmPath}/login"))
            {
                response = await SubmitLoginAsync(location, username, password);
                location = response.Headers.Location?.OriginalString;
                if (location is null) return response;
            }
            else if (location.StartsWith($"{RealmPath}/consent"))
            {
                response = await SubmitConsentAsync(location, allow ? "allow" : "deny");
                location = response.Headers.Location?.OriginalString;
                if (location is null || !location.StartsWith("/")) return response;
            }
            url = location;
        }
        throw new InvalidOperationException("Too many redirects.");
    }

    public async Task<HttpResponseMessage> SubmitLoginAsync(string loginUrl, string username, string password)
    {
        var page = await (await http.GetAsync(loginUrl)).Content.ReadAsStringAsync();
        return await http.PostAsync(loginUrl, Form(page, ("username", username), ("password", password)));
    }

    public async Task<HttpResponseMessage> SubmitConsentAsync(string consentUrl, string decision)
    {
        var page = await (await http.GetAsync(consentUrl)).Content.ReadAsStringAsync();
        return await http.PostAsync(consentUrl, Form(page, ("decision", decision)));
    }

    /// <summary>The form a browser would submit from a rendered page: its hidden fields plus what the user typed.</summary>
    public static FormUrlEncodedContent Form(string html, params (string Name, string Value)[] typed)
    {
        var fields = HiddenInput().Matches(html).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        foreach (var (name, value) in typed) fields[name] = value;
        return new FormUrlEncodedContent(fields);
    }

    /// <summary>Runs the whole browser part of the flow and returns the parameters delivered to the client.</summary>
    public async Task<Dictionary<string, string>> AuthorizeAsync(Dictionary<string, string> request, string username = "alice")
    {
        var response = await FollowAsync(AuthorizeUrl(request), username);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return ResponseParameters(response.Headers.Location!);
    }

    public static Dictionary<string, string> ResponseParameters(Uri callback)
    {
        var part = callback.Fragment.Length > 1 ? callback.Fragment[1..] : callback.Query;
        return QueryHelpers.ParseQuery(part).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    public Task<TokenResult> TokenAsync(IEnumerable<KeyValuePair<string, string>> form, string? basicId = null, string? basicSecret = null) =>
        PostFormAsync("token", form, basicId, basicSecret);

    /// <summary>POSTs a form to one of the realm's endpoints, with client_secret_basic when an id is given.</summary>
    public async Task<TokenResult> PostFormAsync(string endpoint, IEnumerable<KeyValuePair<string, string>> form, string? basicId = null, string? basicSecret = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{RealmPath}/{endpoint}") { Content = new FormUrlEncodedContent(form) };
        if (basicId is not null) request.Headers.Authorization = Basic(basicId, basicSecret ?? "");
        var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new TokenResult(response, body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone());
    }

    /// <summary>GET userinfo (OIDC Core §5.3) with the token as a Bearer header (none when null); another realm's
    /// endpoint when <paramref name="realmPath"/> is given.</summary>
    public async Task<HttpResponseMessage> UserInfoAsync(string? accessToken, string? realmPath = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{realmPath ?? RealmPath}/userinfo");
        if (accessToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await http.SendAsync(request);
    }

    /// <summary>RFC 6749 §2.3.1: id and secret are form-urlencoded before base64.</summary>
    public static AuthenticationHeaderValue Basic(string id, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(id)}:{Uri.EscapeDataString(secret)}")));

    /// <summary>Code + PKCE for the confidential web client, all the way to tokens.</summary>
    public async Task<TokenResult> CodeFlowAsync(string scope = "openid profile email offline_access api", string clientId = "web", string username = "alice")
    {
        var verifier = NewVerifier();
        var redirect = clientId == "spa" ? TestRealm.SpaRedirect : TestRealm.WebRedirect;
        var callback = await AuthorizeAsync(CodeRequest(verifier, clientId, redirect, scope), username);
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = callback["code"], ["redirect_uri"] = redirect, ["code_verifier"] = verifier,
        };
        if (clientId == "spa") form["client_id"] = "spa";
        return clientId == "spa" ? await TokenAsync(form) : await TokenAsync(form, clientId, TestRealm.WebSecret);
    }

    public void Dispose() => http.Dispose();

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("<input[^>]*?name=\"(?<name>[^\"]+)\"[^>]*?type=\"hidden\"[^>]*?value=\"(?<value>[^\"]*)\"|<input[^>]*?type=\"hidden\"[^>]*?name=\"(?<name>[^\"]+)\"[^>]*?value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}
