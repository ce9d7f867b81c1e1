using System.Net;
using System.Text.RegularExpressions;

namespace Flows;

/// <summary>
/// One user's browser: a cookie jar and the authorization server's own redirects and forms (login, consent),
/// up to the redirect to the client, whose <c>code</c> it returns. Every server's pages are driven the same way:
/// the form's hidden fields, plus username/password where the form asks for them and "allow" on a consent form.
/// </summary>
public sealed partial class Browser(HttpClient http, Target target)
{
    private readonly Dictionary<string, string> cookies = new(StringComparer.Ordinal);

    private static readonly bool Trace = Environment.GetEnvironmentVariable("BENCH_FLOWS_TRACE") == "1";

    public int Requests { get; private set; }

    public void ForgetCookies() => cookies.Clear();

    public async Task<string> AuthorizeAsync(string authorizeUrl, CancellationToken ct)
    {
        var url = new Uri(authorizeUrl);
        using var first = await SendAsync(HttpMethod.Get, url, null, ct);
        var response = first;
        for (var hop = 0; hop < 12; hop++)
        {
            if (IsRedirect(response.StatusCode))
            {
                var next = new Uri(url, response.Headers.Location!);
                if (next.Authority != url.Authority) return CodeFrom(next);
                url = next;
                response = await SendAsync(HttpMethod.Get, url, null, ct);
                continue;
            }
            var html = await response.Content.ReadAsStringAsync(ct);
            if (response.StatusCode != HttpStatusCode.OK || !html.Contains("<form", StringComparison.OrdinalIgnoreCase))
                throw new FlowException($"{(int)response.StatusCode} at {url.AbsolutePath}: {Snippet(html)}");
            var (action, fields) = ParseForm(html);
            response = await SendAsync(HttpMethod.Post, action is null ? url : new Uri(url, WebUtility.HtmlDecode(action)), new FormUrlEncodedContent(fields), ct);
        }
        throw new FlowException("too many redirects");
    }

    private void Fill(Dictionary<string, string> fields, string html)
    {
        if (html.Contains("name=\"username\"")) fields["username"] = target.Username;
        if (html.Contains("name=\"password\"")) fields["password"] = target.Password;
        if (html.Contains("name=\"decision\"")) fields["decision"] = "allow";
    }

    private (string? Action, Dictionary<string, string> Fields) ParseForm(string html)
    {
        var form = FormTag().Match(html);
        var action = form.Success ? FormAction().Match(form.Value) : null;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in HiddenInput().Matches(html))
            fields[m.Groups["name"].Value] = WebUtility.HtmlDecode(m.Groups["value"].Value);
        Fill(fields, html);
        return (action is { Success: true } ? action.Groups["action"].Value : null, fields);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri url, HttpContent? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body };
        if (cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        Requests++;
        var response = await http.SendAsync(request, ct);
        if (Trace) Console.Error.WriteLine($"{method} {url} → {(int)response.StatusCode} {response.Headers.Location}");
        if (response.Headers.TryGetValues("Set-Cookie", out var set)) Remember(set);
        return response;
    }

    private void Remember(IEnumerable<string> setCookies)
    {
        foreach (var header in setCookies)
        {
            var pair = header.Split(';', 2)[0];
            var eq = pair.IndexOf('=');
            if (eq <= 0) continue;
            var (name, value) = (pair[..eq].Trim(), pair[(eq + 1)..].Trim());
            var expired = value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);
            if (expired) cookies.Remove(name); else cookies[name] = value;
        }
    }

    private static string CodeFrom(Uri callback)
    {
        var query = callback.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : "");
        if (query.TryGetValue("code", out var code)) return code;
        throw new FlowException($"no code in the callback: {callback.Query}");
    }

    private static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400;
    private static string Snippet(string html) => Regex.Replace(html, "\\s+", " ")[..Math.Min(300, html.Length)];

    [GeneratedRegex("<form[^>]*?method=\"post\"[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex FormTag();

    [GeneratedRegex("action=\"(?<action>[^\"]*)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("<input[^>]*?name=\"(?<name>[^\"]+)\"[^>]*?type=\"hidden\"[^>]*?value=\"(?<value>[^\"]*)\"|<input[^>]*?type=\"hidden\"[^>]*?name=\"(?<name>[^\"]+)\"[^>]*?value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}

public sealed class FlowException(string message) : Exception(message);
