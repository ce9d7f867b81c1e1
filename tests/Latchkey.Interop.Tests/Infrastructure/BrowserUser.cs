using Latchkey.Server.Tests.Browser;
using Latchkey.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Latchkey.Interop.Tests.Infrastructure;

/// <summary>
/// A person at a Chromium profile of their own: opens the URL a client library built, signs in and
/// allows consent when Latchkey asks, and hands back the URL at which the browser reached the client.
/// The profile keeps Latchkey's session cookie, so a second visit goes straight through (SSO).
/// </summary>
public sealed class BrowserUser(ChromiumFixture chromium, string username)
{
    private IBrowserContext? _context;
    // Chromium's profile is closed with the browser (ChromiumFixture), so there is nothing to dispose here.

    public string Username => username;

    /// <summary>What Chromium went through on the last visit.</summary>
    public record Visit(Uri Reached, bool SignedIn, bool Consented);

    /// <param name="url">Where the client library sends the browser (authorize or end-session URL).</param>
    /// <param name="clientUrl">The client's redirect or post-logout URI: the visit ends when the browser reaches it.</param>
    public async Task<Visit> VisitAsync(string url, string clientUrl)
    {
        _context ??= await chromium.NewContextAsync();
        var page = await _context.NewPageAsync();
        try
        {
            await ClientCallback.InstallAsync(page, clientUrl);
            await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Commit });
            bool signedIn = false, consented = false;
            for (var step = 0; step < 6; step++)
            {
                // Commit, not load: waiting for the load event here timed out now and then on Latchkey's login page
                // (twice in about ten runs); the locators below wait for the elements they need themselves.
                await UrlAsync(page, u => u.StartsWith(clientUrl, StringComparison.Ordinal) || u.Contains("/login?") || u.Contains("/consent?"));
                if (page.Url.StartsWith(clientUrl, StringComparison.Ordinal))
                {
                    await Assertions.Expect(page).ToHaveTitleAsync(ClientCallback.Title);
                    return new Visit(new Uri(page.Url), signedIn, consented);
                }
                if (page.Url.Contains("/login?"))
                {
                    await page.GetByLabel("Username or email").FillAsync(username);
                    await page.GetByLabel("Password").FillAsync(TestRealm.Password);
                    await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
                    await UrlAsync(page, u => !u.Contains("/login?"));
                    signedIn = true;
                }
                else
                {
                    await page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();
                    await UrlAsync(page, u => !u.Contains("/consent?"));
                    consented = true;
                }
            }
            throw new InvalidOperationException($"Chromium did not reach {clientUrl}; it is at {page.Url}: {await page.InnerTextAsync("body")}");
        }
        catch (TimeoutException e)
        {
            var body = await page.InnerTextAsync("body", new() { Timeout = 2000 }).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "(no body)");
            throw new TimeoutException($"{e.Message}\nChromium is at {page.Url}:\n{body}", e);
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    /// <summary>
    /// Polls the page's URL instead of waiting for a navigation event: the client's callback is answered
    /// inside Chromium (ClientCallback), and an event-based wait sometimes missed that navigation and timed
    /// out with the page already at the right URL.
    /// </summary>
    private static async Task UrlAsync(IPage page, Func<string, bool> reached)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!reached(page.Url))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Chromium did not move on from {page.Url} within 15 s.");
            await Task.Delay(50);
        }
    }
}
