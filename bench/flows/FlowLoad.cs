using System.Diagnostics;
using System.Text.Json;

namespace Flows;

/// <summary>
/// Scenario 3, closed loop: each of <c>connections</c> workers runs whole flows back to back for <c>seconds</c>, each
/// as a new browser (no cookies): /authorize → login page → login form post → /authorize (consent remembered) →
/// redirect with the code → /token. A flow counts when /token answered 200 with an access token. Prints one
/// "BENCH_JSON {…}" line with the same fields as bench/wrk/token.lua, flows in place of requests.
/// </summary>
public static class FlowLoad
{
    public static Task RunAsync(Target target, int connections, double seconds) =>
        RunAsync(connections, seconds, (http, browser) =>
        {
            var tokens = new TokenClient(http, target);
            return async () =>
            {
                browser.ForgetCookies();
                var (url, verifier) = target.NewAuthorizeRequest();
                var answer = await tokens.RedeemAsync(await browser.AuthorizeAsync(url, default), verifier, default);
                if (answer.GetProperty("access_token").GetString() is not { Length: > 0 }) throw new FlowException("no access_token");
            };
        }, target);

    /// <summary>
    /// Scenario 4, closed loop: each worker owns one rotation chain (one grant) from <paramref name="chainsFile"/> and
    /// sends each response's refresh token with its next request (RFC 6749 §6, RFC 9700 §4.14.2).
    /// </summary>
    public static Task RefreshAsync(Target target, int connections, double seconds, string chainsFile)
    {
        var chains = File.ReadAllLines(chainsFile);
        if (chains.Length < connections) throw new FlowException($"{chainsFile} has {chains.Length} chains for {connections} connections");
        var next = -1;
        return RunAsync(connections, seconds, (http, _) =>
        {
            var tokens = new TokenClient(http, target);
            var current = chains[Interlocked.Increment(ref next)];
            return async () =>
            {
                var answer = await tokens.PostAsync($"grant_type=refresh_token&refresh_token={Uri.EscapeDataString(current)}", default);
                current = answer.GetProperty("refresh_token").GetString() ?? throw new FlowException("no refresh_token");
            };
        }, target);
    }

    private static async Task RunAsync(int connections, double seconds, Func<HttpClient, Browser, Func<Task>> worker, Target target)
    {
        var latencies = new List<long>[connections];
        var failures = new int[connections];
        var requests = new long[connections];
        string? firstFailure = null;
        var clock = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async w =>
        {
            latencies[w] = new List<long>(4096);
            using var http = Http.NewClient();
            var browser = new Browser(http, target);
            var one = worker(http, browser);
            while (clock.Elapsed < until)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await one();
                    latencies[w].Add((long)Stopwatch.GetElapsedTime(started).TotalMicroseconds);
                }
                catch (Exception e) when (e is FlowException or HttpRequestException or TaskCanceledException or KeyNotFoundException
                    or InvalidOperationException)
                {
                    failures[w]++;
                    Interlocked.CompareExchange(ref firstFailure, e.Message, null);
                }
            }
            requests[w] = browser.Requests + latencies[w].Count + failures[w]; // the browser's hops, plus one /token each
        }));
        var elapsed = clock.Elapsed;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        long P(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)(p / 100 * all.Length))];
        Console.WriteLine("BENCH_JSON " + JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["requests"] = all.Length, ["duration_us"] = (long)elapsed.TotalMicroseconds, ["bytes"] = 0,
            ["mean_us"] = all.Length == 0 ? 0 : all.Average(), ["p50_us"] = P(50), ["p90_us"] = P(90), ["p99_us"] = P(99),
            ["max_us"] = all.Length == 0 ? 0 : all[^1], ["non200"] = failures.Sum(), ["err_connect"] = 0, ["err_read"] = 0,
            ["err_write"] = 0, ["err_status"] = 0, ["err_timeout"] = 0, ["first_failure"] = firstFailure ?? "",
            ["http_requests"] = requests.Sum(),
        }));
    }
}
