// Ceilings for bench/run.sh, measured on the same machine in the same run as the servers.
//
//   ceiling sign --alg=RS256|ES256 --threads=N --seconds=S   signs Latchkey-shaped access tokens in a loop
//   ceiling hello --urls=http://127.0.0.1:PORT                  Kestrel answers POST /token with a fixed body
//
// `sign` prints one JSON line: {"alg":…,"threads":…,"seconds":…,"tokens":…,"tokens_per_sec":…,"jwt_bytes":…}.
using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

var settings = args.Skip(1).Where(a => a.StartsWith("--") && a.Contains('='))
    .Select(a => a[2..].Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);

switch (args.FirstOrDefault())
{
    case "sign":
        Sign(settings.GetValueOrDefault("alg", "RS256"), int.Parse(settings.GetValueOrDefault("threads", "1")),
            double.Parse(settings.GetValueOrDefault("seconds", "3"), System.Globalization.CultureInfo.InvariantCulture));
        return 0;
    case "hello":
        Hello(args.Skip(1).ToArray());
        return 0;
    default:
        Console.Error.WriteLine("usage: ceiling sign --alg=RS256|ES256 --threads=N --seconds=S | ceiling hello --urls=URL");
        return 2;
}

// One shared key, as a server shares its signing key between requests. Each token gets fresh iat/exp/jti,
// so the loop pays for what a minter cannot avoid: JSON, base64url, SHA-256 and the signature.
static void Sign(string alg, int threads, double seconds)
{
    AsymmetricAlgorithm key = alg == "ES256" ? ECDsa.Create(ECCurve.NamedCurves.nistP256) : RSA.Create(2048);
    var warmUntil = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 2;
    while (Stopwatch.GetTimestamp() < warmUntil) Token(key, alg);

    var counts = new long[threads];
    var jwtBytes = Token(key, alg).Length;
    var stop = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
    var workers = Enumerable.Range(0, threads).Select(i => new Thread(() =>
    {
        long n = 0;
        while (Stopwatch.GetTimestamp() < stop) { Token(key, alg); n++; }
        counts[i] = n;
    })).ToArray();
    var started = Stopwatch.GetTimestamp();
    foreach (var w in workers) w.Start();
    foreach (var w in workers) w.Join();
    var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
    var total = counts.Sum();
    Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["alg"] = alg, ["threads"] = threads, ["seconds"] = Math.Round(elapsed, 3), ["tokens"] = total,
        ["tokens_per_sec"] = Math.Round(total / elapsed, 1), ["jwt_bytes"] = jwtBytes,
    }));
}

// The same claims, header and sizes as a Latchkey client_credentials access token (RFC 9068).
static string Token(AsymmetricAlgorithm key, string alg)
{
    var buffer = new ArrayBufferWriter<byte>(512);
    using (var w = new Utf8JsonWriter(buffer))
    {
        w.WriteStartObject();
        w.WriteString("alg", alg);
        w.WriteString("kid", "AbCdEfGhIjKlMnOp");
        w.WriteString("typ", "at+jwt");
        w.WriteEndObject();
    }
    var headerLength = buffer.WrittenCount;
    var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
    using (var w = new Utf8JsonWriter(buffer))
    {
        w.WriteStartObject();
        w.WriteString("iss", "http://127.0.0.1:18080/realms/bench");
        w.WriteString("sub", "bench");
        w.WriteString("aud", "bench-api");
        w.WriteString("client_id", "bench");
        w.WriteNumber("iat", now);
        w.WriteNumber("exp", now + 300);
        w.WriteString("jti", Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)));
        w.WriteString("scope", "api");
        w.WriteEndObject();
    }
    var json = buffer.WrittenSpan;
    var signingInput = Base64Url.EncodeToString(json[..headerLength]) + "." + Base64Url.EncodeToString(json[headerLength..]);
    var data = Encoding.ASCII.GetBytes(signingInput);
    var signature = key is RSA rsa
        ? rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
        : ((ECDsa)key).SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    return signingInput + "." + Base64Url.EncodeToString(signature);
}

// The HTTP ceiling: Kestrel with the same middleware-free minimal API, a token-sized JSON body, no work.
static void Hello(string[] args)
{
    var builder = WebApplication.CreateSlimBuilder(args);
    var app = builder.Build();
    var body = Encoding.UTF8.GetBytes("{\"access_token\":\"" + new string('x', 560) + "\",\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"api\"}");
    app.MapPost("/token", async (HttpContext http) =>
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        await http.Response.Body.WriteAsync(body);
    });
    app.Run();
}
