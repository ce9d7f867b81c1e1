using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Latchkey.Server.Operations;

/// <summary>Whether a request was routed to one of the pages a person sees (answered with HTML) rather than a protocol endpoint (JSON).</summary>
public static class PageRequests
{
    public static bool IsPage(Endpoint? endpoint) => endpoint?.Metadata.GetMetadata<PageActionDescriptor>() is not null;

    /// <summary>A bare page for answers given before any page runs (outage, too many requests).</summary>
    public static Task WriteAsync(HttpContext http, string title, string text, CancellationToken ct)
    {
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        var encoder = System.Text.Encodings.Web.HtmlEncoder.Default;
        return http.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{encoder.Encode(title)}</title></head>
            <body><h1>{encoder.Encode(title)}</h1><p>{encoder.Encode(text)}</p></body></html>
            """, ct);
    }
}
