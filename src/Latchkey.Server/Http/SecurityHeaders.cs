namespace Latchkey.Server.Http;

/// <summary>Frame-busting and content-type hardening on every response (RFC 6749 §10.13 clickjacking).</summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseLatchkeySecurityHeaders(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            var headers = http.Response.Headers;
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = "frame-ancestors 'none'; default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' https: data:";
            return next(http);
        });
}
