using Latchkey.Protocol.Primitives;
using Latchkey.Server.Http;
using Microsoft.AspNetCore.Diagnostics;

namespace Latchkey.Server.Operations;

/// <summary>
/// While the database cannot answer, a request that needs it gets 503 and a Retry-After instead of a 500: a JSON
/// temporarily_unavailable error on protocol endpoints (the code RFC 6749 §4.1.2.1 names for an overloaded or
/// unavailable server), a plain page for people. Logged as a warning: the outage is the operator's news, not a bug.
/// </summary>
public sealed class DatabaseUnavailableHandler(ILogger<DatabaseUnavailableHandler> log) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (!DatabaseFailures.IsUnavailable(exception)) return false;
        log.LogWarning("database unavailable on {Path}: {Message}", http.Request.Path, Innermost(exception).Message);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (PageRequests.IsPage(http.Features.Get<IExceptionHandlerFeature>()?.Endpoint))
            await PageRequests.WriteAsync(http, "Temporarily unavailable", "The sign-in service cannot reach its database right now. Please try again in a moment.", ct);
        else await ProtocolResponses.WriteJsonAsync(http, w =>
        {
            w.WriteStartObject();
            w.WriteString(Parameters.Error, ErrorCodes.TemporarilyUnavailable);
            w.WriteString(Parameters.ErrorDescription, "The server cannot reach its database. Try again shortly.");
            w.WriteEndObject();
        });
        return true;
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }
}
