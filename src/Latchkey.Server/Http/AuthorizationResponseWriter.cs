using System.Text;
using System.Text.Encodings.Web;
using Latchkey.Protocol.Endpoints.Authorize;
using Latchkey.Protocol.Primitives;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Latchkey.Server.Http;

/// <summary>
/// Delivers an authorization response by its response mode: query or fragment redirect (OAuth 2.0
/// Multiple Response Type Encoding Practices §2.1) or an auto-submitting form (OAuth 2.0 Form Post
/// Response Mode §2), which still works without JavaScript through its button.
/// </summary>
public static class AuthorizationResponseWriter
{
    public static IActionResult Result(HttpContext http, AuthorizationResponse response)
    {
        var pairs = response.Parameters.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)).ToArray();
        switch (response.ResponseMode)
        {
            case ResponseModes.Query:
                return new RedirectResult(QueryHelpers.AddQueryString(response.RedirectUri, pairs));
            case ResponseModes.Fragment:
                return new RedirectResult(response.RedirectUri + "#" + QueryString.Create(pairs).ToString().TrimStart('?'));
            default:
                return FormPost(http, response);
        }
    }

    private static ContentResult FormPost(HttpContext http, AuthorizationResponse response)
    {
        var nonce = RandomToken.Create(16);
        http.Response.Headers.ContentSecurityPolicy = $"frame-ancestors 'none'; default-src 'none'; script-src 'nonce-{nonce}'";
        var html = HtmlEncoder.Default;
        var body = new StringBuilder();
        body.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Continuing…</title></head><body>");
        body.Append($"<form method=\"post\" action=\"{html.Encode(response.RedirectUri)}\" id=\"form-post\">");
        foreach (var (name, value) in response.Parameters)
            body.Append($"<input type=\"hidden\" name=\"{html.Encode(name)}\" value=\"{html.Encode(value)}\">");
        body.Append("<noscript><p>Press Continue to return to the application.</p><button type=\"submit\">Continue</button></noscript></form>");
        body.Append($"<script nonce=\"{nonce}\">document.getElementById('form-post').submit();</script></body></html>");
        return new ContentResult { Content = body.ToString(), ContentType = "text/html; charset=utf-8", StatusCode = 200 };
    }
}
