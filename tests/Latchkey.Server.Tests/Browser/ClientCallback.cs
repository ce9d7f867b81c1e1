using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;

namespace Latchkey.Server.Tests.Browser;

/// <summary>
/// Plays the client at its redirect URI (e.g. https://spa.example/cb): Chromium answers the request
/// itself with a small page, so the browser never leaves the machine. Playwright's page.RouteAsync
/// cannot do this, because it only sees the first URL of a redirect chain ("The handler will only be
/// called for the first url if the response is a redirect") and Latchkey always reaches the client by
/// a redirect. Chromium's Fetch domain pauses redirect hops too.
/// </summary>
public static class ClientCallback
{
    public const string Title = "Client callback";

    public static async Task InstallAsync(IPage page, string redirectUri)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        var body = Convert.ToBase64String(Encoding.UTF8.GetBytes($"<!DOCTYPE html><title>{Title}</title><h1>{Title}</h1>"));
        cdp.Event("Fetch.requestPaused").OnEvent += (_, paused) =>
        {
            var request = paused!.Value;
            var atCallback = request.GetProperty("request").GetProperty("url").GetString()!.StartsWith(redirectUri, StringComparison.Ordinal);
            _ = cdp.SendAsync("Fetch.fulfillRequest", new()
            {
                ["requestId"] = request.GetProperty("requestId").GetString()!,
                ["responseCode"] = atCallback ? 200 : 404,
                ["responseHeaders"] = new[] { new Dictionary<string, string> { ["name"] = "Content-Type", ["value"] = "text/html; charset=utf-8" } },
                ["body"] = atCallback ? body : "",
            });
        };
        // The whole origin, not only the callback path: the browser also asks it for /favicon.ico.
        var origin = new Uri(redirectUri).GetLeftPart(UriPartial.Authority);
        await cdp.SendAsync("Fetch.enable", new()
        {
            ["patterns"] = new[] { new Dictionary<string, string> { ["urlPattern"] = origin + "/*", ["requestStage"] = "Request" } },
        });
    }

    /// <summary>Waits until the browser shows the client's callback page and returns what Latchkey sent it.</summary>
    public static async Task<Dictionary<string, string>> ReachedAsync(IPage page, string redirectUri)
    {
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(redirectUri) + @"\?"));
        await Assertions.Expect(page).ToHaveTitleAsync(Title);
        return QueryHelpers.ParseQuery(new Uri(page.Url).Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }
}
