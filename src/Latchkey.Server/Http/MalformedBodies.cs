using Latchkey.Protocol.Primitives;

namespace Latchkey.Server.Http;

/// <summary>
/// A body ASP.NET Core refuses to parse (over 1024 form fields, an oversized key or value, a
/// truncated upload) is the client's mistake: invalid_request with 400, never a 500.
/// </summary>
public static class MalformedBodies
{
    public static IApplicationBuilder UseLatchkeyMalformedBodies(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            try
            {
                await next(http);
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException && !http.Response.HasStarted)
            {
                var log = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Latchkey.MalformedBody");
                http.Response.Clear();
                await ProtocolResponses.WriteErrorAsync(http, OAuthErrors.InvalidRequest("The request body could not be read."), log);
                log.LogInformation("Malformed body on {Path}: {Message}", http.Request.Path, e.Message);
            }
        });
}
