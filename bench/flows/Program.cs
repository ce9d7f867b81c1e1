// bench-flows: setup and load for bench/run.sh scenarios 2–5 (docs/performance.md).
//
//   bench-flows codes   --count=N --out=FILE [--parallel=4]  TARGET   scenario 2: /token forms with fresh codes
//   bench-flows refresh --count=N --out=FILE [--parallel=4]  TARGET   scenario 4: refresh tokens, one per grant
//   bench-flows access-token --out=FILE                      TARGET   scenario 5: one access token from a whole flow
//   bench-flows load    --connections=32 --seconds=10        TARGET   scenario 3: whole flows per second
//   bench-flows refresh-load --chains=FILE --connections=32 --seconds=10 TARGET   scenario 4: one rotation chain per connection
// TARGET: --authorize=URL --token=URL --client=ID --secret=S --redirect=URI --password=P [--scope="openid api"] [--username=bench-user]
using Flows;

var command = args.FirstOrDefault() ?? "";
var o = new Dictionary<string, string>(StringComparer.Ordinal);
foreach (var pair in args.Skip(1).Where(a => a.StartsWith("--") && a.Contains('=')).Select(a => a[2..].Split('=', 2))) o[pair[0]] = pair[1];
var target = Target.From(o);
int Int(string name, int fallback) => o.TryGetValue(name, out var v) ? int.Parse(v) : fallback;
try
{
    switch (command)
    {
        case "codes": await Mint.CodesAsync(target, Int("count", 1000), Int("parallel", 4), o["out"]); break;
        case "refresh": await Mint.RefreshTokensAsync(target, Int("count", 64), Int("parallel", 4), o["out"]); break;
        case "access-token": await Mint.AccessTokenAsync(target, o["out"]); break;
        case "refresh-load": await FlowLoad.RefreshAsync(target, Int("connections", 32), double.Parse(o.GetValueOrDefault("seconds", "10")), o["chains"]); break;
        case "load": await FlowLoad.RunAsync(target, Int("connections", 32), double.Parse(o.GetValueOrDefault("seconds", "10"))); break;
        default: Console.Error.WriteLine("usage: bench-flows codes|refresh|access-token|load --… (see Program.cs)"); return 2;
    }
    return 0;
}
catch (FlowException e)
{
    Console.Error.WriteLine($"bench-flows {command}: {e.Message}");
    return 1;
}
