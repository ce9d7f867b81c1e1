namespace Flows;

/// <summary>
/// The setup steps of scenarios 2, 4 and 5: each worker signs in once (a real login form post; consent is
/// remembered after the first), then runs /authorize again and again in that session, as a signed-in user would.
/// </summary>
public static class Mint
{
    /// <summary>Scenario 2: one /token form per line, each with its own single-use code and PKCE verifier.</summary>
    public static Task CodesAsync(Target target, int count, int parallel, string outFile) =>
        RunAsync(target, count, parallel, outFile, async (browser, _, ct) =>
        {
            var (url, verifier) = target.NewAuthorizeRequest();
            return target.RedemptionBody(await browser.AuthorizeAsync(url, ct), verifier);
        });

    /// <summary>Scenario 4: one refresh token per line, each from its own grant (its own rotation chain).</summary>
    public static Task RefreshTokensAsync(Target target, int count, int parallel, string outFile) =>
        RunAsync(target, count, parallel, outFile, async (browser, tokens, ct) =>
        {
            var (url, verifier) = target.NewAuthorizeRequest();
            var answer = await tokens.RedeemAsync(await browser.AuthorizeAsync(url, ct), verifier, ct);
            return answer.GetProperty("refresh_token").GetString()!;
        });

    /// <summary>Scenario 5: the access token of one whole flow.</summary>
    public static Task AccessTokenAsync(Target target, string outFile) =>
        RunAsync(target, 1, 1, outFile, async (browser, tokens, ct) =>
        {
            var (url, verifier) = target.NewAuthorizeRequest();
            var answer = await tokens.RedeemAsync(await browser.AuthorizeAsync(url, ct), verifier, ct);
            return answer.GetProperty("access_token").GetString()!;
        });

    private static async Task RunAsync(Target target, int count, int parallel, string outFile,
        Func<Browser, TokenClient, CancellationToken, Task<string>> one)
    {
        var lines = new string[count];
        var next = 0;
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var clients = Enumerable.Range(0, Math.Min(parallel, count)).Select(_ => Http.NewClient()).ToArray();
        // The first flow alone: it gives the consent that every later one finds remembered (several first
        // consents at once would be several browser tabs consenting together).
        lines[0] = await one(new Browser(clients[0], target), new TokenClient(clients[0], target), cts.Token);
        await Task.WhenAll(clients.Select(async http =>
        {
            var browser = new Browser(http, target);
            var tokens = new TokenClient(http, target);
            int i;
            while ((i = Interlocked.Increment(ref next)) < count) lines[i] = await one(browser, tokens, cts.Token);
        }));
        foreach (var http in clients) http.Dispose();
        await File.WriteAllLinesAsync(outFile, lines);
    }
}
