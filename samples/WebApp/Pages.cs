using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;

namespace WebApp;

/// <summary>Plain HTML with fixed element ids so browser tests can find things without parsing text.</summary>
public static class Pages
{
    public static IResult Home(ClaimsPrincipal user, string? expiresAt, string? error)
    {
        var body = new StringBuilder();
        if (!string.IsNullOrEmpty(error))
        {
            body.Append($"<p id=\"error\">Sign-in failed: {E(error)}</p>");
        }

        if (user.Identity?.IsAuthenticated != true)
        {
            body.Append("<p><a id=\"login-link\" href=\"/login\">Log in</a></p>");
            return Page("Latchkey WebApp", body);
        }

        body.Append($"<p id=\"signed-in-as\">Signed in as {E(DisplayName(user))}</p>");
        body.Append($"<p>access token expires at <span id=\"expires-at\">{E(expiresAt ?? "unknown")}</span></p>");
        body.Append("<table id=\"claims\"><thead><tr><th>Type</th><th>Value</th></tr></thead><tbody>");
        foreach (var claim in user.Claims)
        {
            body.Append($"<tr><td>{E(claim.Type)}</td><td>{E(claim.Value)}</td></tr>");
        }
        body.Append("</tbody></table>");
        body.Append("<p><a id=\"call-api-link\" href=\"/call-api\">Call API</a></p>");
        body.Append(LogoutForm);
        return Page("Latchkey WebApp", body);
    }

    public static IResult ApiResult(ApiCallResult result, string? expiresAt)
    {
        var body = new StringBuilder();
        body.Append($"<p>status <span id=\"api-status\">{result.StatusCode}</span></p>");
        body.Append($"<pre id=\"api-result\">{E(result.Text)}</pre>");
        body.Append($"<p>access token expires at <span id=\"expires-at\">{E(expiresAt ?? "unknown")}</span></p>");
        body.Append("<p><a href=\"/\">Home</a></p>");
        body.Append(LogoutForm);
        return Page("API result", body);
    }

    // POST, not a link: signing out changes state, and a GET could be triggered by any cross-site <img>.
    private const string LogoutForm =
        "<form method=\"post\" action=\"/logout\"><button id=\"logout-button\" type=\"submit\">Log out</button></form>";

    private static string DisplayName(ClaimsPrincipal user) =>
        user.Identity?.Name ?? user.FindFirst("preferred_username")?.Value ?? user.FindFirst("sub")?.Value ?? "(unknown)";

    private static string E(string value) => HtmlEncoder.Default.Encode(value);

    private static IResult Page(string title, StringBuilder body) => Results.Content(
        $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{E(title)}</title></head>"
        + $"<body><h1>{E(title)}</h1>{body}</body></html>",
        "text/html; charset=utf-8");
}
