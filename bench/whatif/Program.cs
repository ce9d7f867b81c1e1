// Latchkey with a directory cache (bench/run.sh --what-if). Same arguments as latchkey.
using System.Collections.Concurrent;
using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Realms;
using Latchkey.Protocol.Storage;
using Latchkey.Server;
using Latchkey.Server.Admin;

var configArgs = args.Where(CommandLine.IsConfigurationArgument).ToArray();
var commandArgs = args.Where(a => !CommandLine.IsConfigurationArgument(a)).ToList();
var app = LatchkeyHost.Build(configArgs, services =>
{
    var realms = services.Last(s => s.ServiceType == typeof(IRealmStore));
    var clients = services.Last(s => s.ServiceType == typeof(IClientStore));
    services.AddSingleton<IRealmStore>(sp => new CachedDirectory((IRealmStore)realms.ImplementationFactory!(sp), (IClientStore)clients.ImplementationFactory!(sp)));
    services.AddSingleton<IClientStore>(sp => (CachedDirectory)sp.GetRequiredService<IRealmStore>());
});
await LatchkeyHost.InitializeAsync(app, CommandLine.TakeOption(commandArgs, "--import"), Console.Out, CancellationToken.None);
await app.RunAsync();

/// <summary>Read-through cache of realms, scopes and clients, each entry kept for <see cref="Lifetime"/>.</summary>
sealed class CachedDirectory(IRealmStore realms, IClientStore clients) : IRealmStore, IClientStore
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (object? Value, DateTime At)> _cache = new();

    public ValueTask<Realm?> FindAsync(string realm, CancellationToken ct) =>
        GetAsync("r:" + realm, () => realms.FindAsync(realm, ct));

    public ValueTask<IReadOnlyList<ScopeDefinition>> ScopesAsync(string realm, CancellationToken ct) =>
        GetAsync("s:" + realm, () => realms.ScopesAsync(realm, ct))!;

    public ValueTask<Client?> FindAsync(string realm, string clientId, CancellationToken ct) =>
        GetAsync("c:" + realm + "\n" + clientId, () => clients.FindAsync(realm, clientId, ct));

    private async ValueTask<T?> GetAsync<T>(string key, Func<ValueTask<T>> load)
    {
        if (_cache.TryGetValue(key, out var hit) && DateTime.UtcNow - hit.At < Lifetime) return (T?)hit.Value;
        var value = await load();
        _cache[key] = (value, DateTime.UtcNow);
        return value;
    }
}
