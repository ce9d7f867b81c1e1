using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace ResourceApi;

public static class JwtBearerSetup
{
    public static AuthenticationBuilder AddLatchkeyJwtBearer(this IServiceCollection services, LatchkeyApiSettings settings) =>
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                // Issuer and signing keys come from {Authority}/.well-known/openid-configuration and its jwks_uri.
                options.Authority = settings.Authority;
                options.Audience = settings.Audience;
                options.RequireHttpsMetadata = !settings.IsHttpLoopbackAuthority;

                // Keep JWT claim names as issued (sub, scope, client_id) instead of the legacy WS-* URIs.
                options.MapInboundClaims = false;

                var validation = options.TokenValidationParameters;
                validation.ValidateIssuer = true;
                validation.ValidateAudience = true;
                validation.ValidAudience = settings.Audience;
                validation.ValidateLifetime = true;
                validation.RequireExpirationTime = true;
                validation.ValidateIssuerSigningKey = true;
                validation.RequireSignedTokens = true;
                validation.ClockSkew = settings.ClockSkew;
                validation.NameClaimType = "sub";

                // RFC 9068 §4: the resource server MUST check typ is "at+jwt" (or "application/at+jwt"),
                // so an ID token or other JWT signed by the same key cannot be replayed as an access token.
                // The stock handler ignores typ unless ValidTypes is set.
                validation.ValidTypes = ["at+jwt", "application/at+jwt"];

                options.Events = new JwtBearerEvents
                {
                    // RFC 6750 §3.1: a valid token lacking the scope gets 403 with error="insufficient_scope".
                    OnForbidden = context =>
                    {
                        context.Response.Headers.WWWAuthenticate =
                            $"Bearer error=\"insufficient_scope\", scope=\"{settings.RequiredScope}\"";
                        return Task.CompletedTask;
                    },
                };
            });
}
