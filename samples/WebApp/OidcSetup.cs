using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace WebApp;

public static class OidcSetup
{
    public static readonly string[] Scopes = ["openid", "profile", "email", "offline_access", "api"];

    public static AuthenticationBuilder AddLatchkeyLogin(this IServiceCollection services, LatchkeyWebSettings settings) =>
        services
            .AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(options =>
            {
                // Lax is sent on top-level navigations back from Latchkey and, unlike None, needs no Secure flag,
                // so the session works over plain http on localhost. It also keeps cross-site POSTs
                // (e.g. a forged /logout form) from carrying the session.
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            })
            .AddOpenIdConnect(options =>
            {
                options.Authority = settings.Authority;
                options.RequireHttpsMetadata = !settings.IsHttpLoopbackAuthority;
                options.ClientId = settings.ClientId;
                options.ClientSecret = settings.ClientSecret;

                options.ResponseType = OpenIdConnectResponseType.Code;
                // The stock default is form_post, a cross-site POST that drops SameSite=Lax cookies (the
                // correlation and nonce cookies below). query (the RFC 6749 §4.1.2 default) is a GET redirect.
                options.ResponseMode = OpenIdConnectResponseMode.Query;
                options.UsePkce = true; // RFC 7636, S256
                options.SaveTokens = true; // TokenRefresher and logout (id_token_hint) read them back
                options.GetClaimsFromUserInfoEndpoint = true;
                options.MapInboundClaims = false;
                options.TokenValidationParameters.NameClaimType = "name";
                options.ClaimActions.MapUniqueJsonKey("preferred_username", "preferred_username");

                options.Scope.Clear();
                foreach (var scope in Scopes)
                {
                    options.Scope.Add(scope);
                }

                options.CallbackPath = "/signin-oidc";
                options.SignedOutCallbackPath = "/signout-callback-oidc";

                // The stock defaults are SameSite=None + Secure=Always, which browsers refuse to store over
                // plain http, so the callback would fail with "Correlation failed". Lax still reaches the
                // callback because response_mode=query returns with a top-level GET.
                options.CorrelationCookie.SameSite = SameSiteMode.Lax;
                options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.NonceCookie.SameSite = SameSiteMode.Lax;
                options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;

                options.Events.OnRemoteFailure = context =>
                {
                    // Show Latchkey's error (e.g. access_denied, RFC 6749 §4.1.2.1) instead of an exception page.
                    var message = context.Failure?.Message ?? "sign-in failed";
                    context.Response.Redirect("/?error=" + Uri.EscapeDataString(message));
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });
}
