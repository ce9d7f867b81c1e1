using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace WebApp;

public static class Endpoints
{
    private static readonly string[] CookieAndOidc =
        [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme];

    public static void MapWebAppEndpoints(this WebApplication app)
    {
        app.MapGet("/", async (HttpContext context, string? error) =>
            Pages.Home(context.User, await context.GetTokenAsync("expires_at"), error));

        app.MapGet("/login", () => Results.Challenge(
            new AuthenticationProperties { RedirectUri = "/" }, [OpenIdConnectDefaults.AuthenticationScheme]));

        app.MapGet("/call-api", async (HttpContext context, TokenRefresher refresher, ResourceApiClient api) =>
        {
            var token = await refresher.GetAccessTokenAsync(context);
            var result = token.AccessToken is null
                ? new ApiCallResult(0, token.Error ?? "no access token")
                : await api.GetMeAsync(token.AccessToken, context.RequestAborted);
            return Pages.ApiResult(result, token.ExpiresAt);
        }).RequireAuthorization();

        app.MapPost("/logout", async (HttpContext context, IOptionsMonitor<OpenIdConnectOptions> oidcOptions) =>
        {
            var options = oidcOptions.Get(OpenIdConnectDefaults.AuthenticationScheme);
            var discovery = await options.ConfigurationManager!.GetConfigurationAsync(context.RequestAborted);
            var properties = new AuthenticationProperties { RedirectUri = "/" };

            // OIDC RP-Initiated Logout 1.0 §2: redirect to end_session_endpoint with id_token_hint and
            // post_logout_redirect_uri (the handler adds both). Without that endpoint the stock handler
            // throws, so only the local session can be ended.
            return string.IsNullOrEmpty(discovery.EndSessionEndpoint)
                ? Results.SignOut(properties, [CookieAuthenticationDefaults.AuthenticationScheme])
                : Results.SignOut(properties, CookieAndOidc);
        });
    }
}
