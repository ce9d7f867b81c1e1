using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ResourceApi;

/// <summary>
/// Authenticates reference (opaque) access tokens by introspection: active, an access token, this
/// realm's issuer, this API in aud, not expired. The principal carries the same claims a JWT would.
/// </summary>
public sealed class IntrospectionHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IntrospectionCache introspection, LatchkeyApiSettings settings, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Introspection";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken.From(Request) is not { } token) return AuthenticateResult.NoResult();
        var result = await introspection.GetAsync(token, Context.RequestAborted);
        if (result is null) return AuthenticateResult.Fail("The token is not active.");
        if (result.Issuer != settings.Authority) return AuthenticateResult.Fail("The token is from another issuer.");
        if (!result.Audiences.Contains(settings.Audience)) return AuthenticateResult.Fail("The token is not meant for this API.");
        if (result.ExpiresAt + settings.ClockSkew <= clock.GetUtcNow()) return AuthenticateResult.Fail("The token has expired.");

        var claims = new List<Claim> { new("iss", settings.Authority) };
        if (result.Subject is not null) claims.Add(new Claim("sub", result.Subject));
        if (result.ClientId is not null) claims.Add(new Claim("client_id", result.ClientId));
        if (result.Scope is not null) claims.Add(new Claim("scope", result.Scope));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, "sub", null));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>RFC 6750 §3: a missing token gets a bare Bearer challenge, a bad one error="invalid_token".</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var outcome = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = outcome.Failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        Response.Headers.WWWAuthenticate = $"Bearer error=\"insufficient_scope\", scope=\"{settings.RequiredScope}\"";
        return Task.CompletedTask;
    }
}
