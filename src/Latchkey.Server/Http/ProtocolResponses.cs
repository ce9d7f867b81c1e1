using System.Text.Json;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Tokens;

namespace Latchkey.Server.Http;

/// <summary>Writes protocol results as JSON; token responses and errors are never cached.</summary>
public static class ProtocolResponses
{
    public static Task WriteErrorAsync(HttpContext http, OAuthError error, ILogger logger)
    {
        if (error.Debug is not null) logger.LogInformation("{Error}: {Debug}", error.Code, error.Debug);
        http.Response.StatusCode = error.Status;
        if (error.WwwAuthenticate is not null) http.Response.Headers.WWWAuthenticate = error.WwwAuthenticate;
        return WriteJsonAsync(http, w =>
        {
            w.WriteStartObject();
            w.WriteString(Parameters.Error, error.Code);
            if (error.Description is not null) w.WriteString(Parameters.ErrorDescription, error.Description);
            w.WriteEndObject();
        });
    }

    public static Task WriteTokenAsync(HttpContext http, TokenResponse token) =>
        WriteJsonAsync(http, w =>
        {
            w.WriteStartObject();
            w.WriteString(Parameters.AccessToken, token.AccessToken);
            if (token.IssuedTokenType is not null) w.WriteString(Parameters.IssuedTokenType, token.IssuedTokenType);
            w.WriteString(Parameters.TokenType, token.TokenType);
            w.WriteNumber(Parameters.ExpiresIn, token.ExpiresIn);
            if (token.RefreshToken is not null) w.WriteString(Parameters.RefreshToken, token.RefreshToken);
            if (token.IdToken is not null) w.WriteString(Parameters.IdToken, token.IdToken);
            if (!string.IsNullOrEmpty(token.Scope)) w.WriteString(Parameters.Scope, token.Scope);
            w.WriteEndObject();
        });

    public static async Task WriteJsonAsync(HttpContext http, Action<Utf8JsonWriter> write, bool cacheable = false)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        // RFC 6749 §5.1: responses carrying tokens or credentials MUST NOT be cached.
        http.Response.Headers.CacheControl = cacheable ? "public, max-age=300" : "no-store";
        if (!cacheable) http.Response.Headers.Pragma = "no-cache";
        await using var writer = new Utf8JsonWriter(http.Response.BodyWriter);
        write(writer);
        await writer.FlushAsync();
    }
}
