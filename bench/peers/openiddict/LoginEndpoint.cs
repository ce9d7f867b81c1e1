using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OpenIddictPeer;

/// <summary>The login page OpenIddict leaves to its host: a form with an anti-forgery token (as Latchkey's), the
/// bench user's password checked, a cookie session, back to the authorization request.</summary>
public static class LoginEndpoint
{
    public static void MapLoginEndpoint(this WebApplication app)
    {
        app.MapGet("/account/login", (HttpContext http, IAntiforgery antiforgery, string? returnUrl) => Page(http, antiforgery, returnUrl, 200));
        app.MapPost("/account/login", (Delegate)PostAsync);
    }

    private static async Task<IResult> PostAsync(HttpContext http, IAntiforgery antiforgery, BenchUser user)
    {
        if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var returnUrl = form["returnUrl"].ToString();
        if (!user.Verify(form["username"], form["password"])) return Page(http, antiforgery, returnUrl, 400);
        var identity = new ClaimsIdentity([new Claim(Claims.Subject, BenchUser.Subject)], CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return Results.Redirect(returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") ? returnUrl : "/");
    }

    private static IResult Page(HttpContext http, IAntiforgery antiforgery, string? returnUrl, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var html = $"""
            <!doctype html><html><head><title>Sign in</title></head><body><h1>Sign in</h1>
            <form method="post" action="/account/login">
            <input type="hidden" name="{tokens.FormFieldName}" value="{WebUtility.HtmlEncode(tokens.RequestToken)}" />
            <input type="hidden" name="returnUrl" value="{WebUtility.HtmlEncode(returnUrl)}" />
            <label>Username <input type="text" name="username" /></label>
            <label>Password <input type="password" name="password" /></label>
            <button type="submit">Sign in</button></form></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
