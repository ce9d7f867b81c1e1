using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Realms;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Tokens;
using Latchkey.Protocol.Users;

namespace Latchkey.Server.Admin;

/// <summary>
/// latchkey realms | clients | users | keys | import … on the same executable as the server
/// (docs/configuration.md#command-line).
/// </summary>
public sealed class CommandLine(IServiceProvider services, TextWriter output)
{
    public const string Usage = """
        usage:
          latchkey [--import FILE]                      run the server
          latchkey import FILE                          apply an import file and exit
          latchkey migrate                              apply pending database migrations and exit
          latchkey realms add NAME [--alg RS256|ES256|PS256] [--no-password-grant-id-tokens]
          latchkey realms update NAME [--alg RS256|ES256|PS256] [--password-grant-id-tokens true|false]
          latchkey clients add --realm R [--id ID] [--name NAME] [--public] [--redirect-uri URI]...
                  [--auth-method client_secret_basic|client_secret_post|client_secret_jwt|private_key_jwt|none]
                  [--jwks FILE | --jwks-uri URI]
                  [--post-logout-redirect-uri URI]... [--scopes "openid profile ..."] [--capability NAME]...
                  [--no-consent] [--no-pkce] [--allow-plain-pkce] [--always-issue-refresh-token]
                  [--exchange-audience AUD]... [--may-impersonate]
                  [--backchannel-logout-uri URI] [--frontchannel-logout-uri URI] [--reference-tokens]
                  [--ciba-mode poll|ping] [--ciba-notification-endpoint URI] [--ciba-user-code]
                  [--access-token-lifetime SECONDS] [--refresh-token-lifetime SECONDS] [--code-lifetime SECONDS]
                  [--refresh-token-reuse-grace SECONDS]
          latchkey clients list --realm R
          latchkey clients rotate-secret --realm R CLIENT_ID
          latchkey users add --realm R --username NAME [--password P] [--email E] [--given-name G] [--family-name F]
          latchkey users set-password --realm R USERNAME [--password P]
          latchkey keys list --realm R                   the realm's signing keys: next, signing, previous, retired
          latchkey keys rotate --realm R [--now]        publish a new key that signs after the propagation time (or now)
          latchkey keys retire --realm R KID            stop a key signing and withdraw it from JWKS now
          latchkey users lockout --realm R USERNAME      failed sign-ins counted and the lock, if any
          latchkey users unlock --realm R USERNAME       lift the lock (password grant and login page alike)
        configuration: --Latchkey:DataDirectory=DIR, --urls=URL, … (see docs/configuration.md)
        """;

    private AdminRepository Admin => services.GetRequiredService<AdminRepository>();

    public static bool IsConfigurationArgument(string arg) =>
        arg.StartsWith("--Latchkey:", StringComparison.OrdinalIgnoreCase) || arg.StartsWith("--urls=", StringComparison.OrdinalIgnoreCase)
        || arg.StartsWith("--Logging:", StringComparison.OrdinalIgnoreCase);

    public async Task<int> RunAsync(List<string> args)
    {
        var ct = CancellationToken.None;
        switch (args.Count > 1 ? $"{args[0]} {args[1]}" : args[0])
        {
            case "realms add": return await AddRealmAsync(args.Skip(2).ToList(), ct);
            case "realms update": return await UpdateRealmAsync(args.Skip(2).ToList(), ct);
            case "clients add": return await AddClientAsync(args.Skip(2).ToList(), ct);
            case "clients list": return await ListClientsAsync(args.Skip(2).ToList(), ct);
            case "clients rotate-secret": return await RotateSecretAsync(args.Skip(2).ToList(), ct);
            case "users add": return await AddUserAsync(args.Skip(2).ToList(), ct);
            case "users set-password": return await SetPasswordAsync(args.Skip(2).ToList(), ct);
            case "keys list": return await ListKeysAsync(args.Skip(2).ToList(), ct);
            case "keys rotate": return await RotateKeyAsync(args.Skip(2).ToList(), ct);
            case "keys retire": return await RetireKeyAsync(args.Skip(2).ToList(), ct);
            case "users lockout": return await LockoutAsync(args.Skip(2).ToList(), unlock: false, ct);
            case "users unlock": return await LockoutAsync(args.Skip(2).ToList(), unlock: true, ct);
            default:
                if (args[0] == "import" && args.Count == 2)
                {
                    var changes = await services.GetRequiredService<ImportFileLoader>().LoadAsync(args[1], output, ct);
                    output.WriteLine($"imported {args[1]}: {changes} entries created or changed");
                    return 0;
                }
                output.WriteLine(Usage);
                return args[0] is "help" or "--help" or "-h" ? 0 : 2;
        }
    }

    private async Task<int> AddRealmAsync(List<string> args, CancellationToken ct)
    {
        var alg = TakeOption(args, "--alg") ?? SigningAlgorithms.RS256;
        var idTokens = !TakeFlag(args, "--no-password-grant-id-tokens");
        var name = Single(args, "realm name");
        await Admin.SaveRealmAsync(new Realm { Name = name, SigningAlgorithm = alg, PasswordGrantIdTokens = idTokens }, ct);
        output.WriteLine($"realm {name} ({alg})");
        return 0;
    }

    /// <summary>Changes only the settings given; the rest of the realm stays as it is.</summary>
    private async Task<int> UpdateRealmAsync(List<string> args, CancellationToken ct)
    {
        var alg = TakeOption(args, "--alg");
        var idTokens = TakeOption(args, "--password-grant-id-tokens") is { } value
            ? bool.TryParse(value, out var parsed) ? parsed : throw new AdminException("--password-grant-id-tokens is true or false.")
            : (bool?)null;
        var name = Single(args, "realm name");
        var realm = (await Admin.ListRealmsAsync(ct)).FirstOrDefault(r => r.Name == name) ?? throw new AdminException($"No realm '{name}'.");
        realm = realm with
        {
            SigningAlgorithm = alg ?? realm.SigningAlgorithm,
            PasswordGrantIdTokens = idTokens ?? realm.PasswordGrantIdTokens,
        };
        await Admin.SaveRealmAsync(realm, ct);
        output.WriteLine($"realm {name} ({realm.SigningAlgorithm}; password grant ID tokens {(realm.PasswordGrantIdTokens ? "on" : "off")})");
        return 0;
    }

    private async Task<int> AddClientAsync(List<string> args, CancellationToken ct)
    {
        var realm = Required(args, "--realm");
        var registration = ClientArguments.Parse(args);
        var (client, secret, _) = await Admin.SaveClientAsync(realm, registration, ct);
        output.WriteLine($"client_id:     {client.ClientId}");
        if (secret is not null) output.WriteLine($"client_secret: {secret}   (shown once; stored only as a hash)");
        return 0;
    }

    private async Task<int> ListClientsAsync(List<string> args, CancellationToken ct)
    {
        foreach (var c in await Admin.ListClientsAsync(Required(args, "--realm"), ct))
            output.WriteLine($"{c.ClientId}\t{c.Type.ToString().ToLowerInvariant()}\t{c.Capabilities}\t{string.Join(' ', c.RedirectUris)}");
        return 0;
    }

    private async Task<int> RotateSecretAsync(List<string> args, CancellationToken ct)
    {
        var realm = Required(args, "--realm");
        var secret = await Admin.RotateSecretAsync(realm, Single(args, "client id"), ct);
        output.WriteLine($"client_secret: {secret}   (shown once; the old secret no longer works)");
        return 0;
    }

    private async Task<int> AddUserAsync(List<string> args, CancellationToken ct)
    {
        var realm = Required(args, "--realm");
        var username = Required(args, "--username");
        if (await Admin.FindUserAsync(realm, username, ct) is not null) throw new AdminException($"User '{username}' already exists.");
        var password = TakeOption(args, "--password");
        var generated = password is null;
        password ??= RandomToken.Create(12);
        var (user, _) = await Admin.SaveUserAsync(realm, new User
        {
            Realm = realm, Id = Guid.NewGuid().ToString(), Username = username, Email = TakeOption(args, "--email"),
            GivenName = TakeOption(args, "--given-name"), FamilyName = TakeOption(args, "--family-name"),
        }, password, ct);
        output.WriteLine($"user {user.Username} (sub {user.Id})");
        if (generated) output.WriteLine($"password: {password}   (shown once)");
        return 0;
    }

    private async Task<int> SetPasswordAsync(List<string> args, CancellationToken ct)
    {
        var realm = Required(args, "--realm");
        var password = TakeOption(args, "--password");
        var generated = password is null;
        password ??= RandomToken.Create(12);
        await Admin.SetPasswordAsync(realm, Single(args, "username"), password, ct);
        output.WriteLine(generated ? $"password: {password}   (shown once)" : "password changed");
        return 0;
    }

    private async Task<int> LockoutAsync(List<string> args, bool unlock, CancellationToken ct)
    {
        var realm = Required(args, "--realm");
        var username = Single(args, "username");
        var throttle = services.GetRequiredService<Sessions.LoginThrottle>();
        if (unlock)
        {
            await throttle.UnlockAsync(realm, username, ct);
            output.WriteLine($"{username}: unlocked");
            return 0;
        }
        var state = await throttle.UserStateAsync(realm, username, ct);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        output.WriteLine(state is null
            ? $"{username}: no failed sign-ins"
            : $"{username}: {state.Failures} failed sign-ins since {state.FirstFailureAt:u}; "
              + (state.LockedUntil > now ? $"locked until {state.LockedUntil:u}" : "not locked"));
        return 0;
    }

    private SigningKeyRotation Keys => services.GetRequiredService<SigningKeyRotation>();

    private async Task<int> ListKeysAsync(List<string> args, CancellationToken ct)
    {
        var realm = Required(args, "--realm");
        output.WriteLine("kid\talgorithm\tstate\tsigns from\tsigns until\tpublished until");
        foreach (var (key, state) in await Keys.ListAsync(realm, ct))
            output.WriteLine($"{key.KeyId}\t{key.Algorithm}\t{state.ToString().ToLowerInvariant()}\t{key.Lifetime.ActivatesAt:u}\t"
                             + $"{Time(key.RetiredAt)}\t{Time(key.UnpublishAt)}");
        return 0;
    }

    private async Task<int> RotateKeyAsync(List<string> args, CancellationToken ct)
    {
        var realm = Required(args, "--realm");
        var now = TakeFlag(args, "--now");
        if (args.Count > 0) throw new AdminException($"Unknown arguments: {string.Join(' ', args)}");
        var algorithm = (await Admin.ListRealmsAsync(ct)).FirstOrDefault(r => r.Name == realm)?.SigningAlgorithm
                        ?? throw new AdminException($"Realm '{realm}' does not exist.");
        var key = await Keys.RotateAsync(realm, algorithm, now, ct);
        services.GetRequiredService<KeyRing>().Forget(realm);
        output.WriteLine($"key {key.KeyId} ({algorithm}) published; it signs from {key.Lifetime.ActivatesAt:u}");
        return 0;
    }

    private async Task<int> RetireKeyAsync(List<string> args, CancellationToken ct)
    {
        var realm = Required(args, "--realm");
        var keyId = Single(args, "key id");
        if (!await Keys.RetireAsync(realm, keyId, ct)) throw new AdminException($"Key '{keyId}' does not exist in realm '{realm}'.");
        services.GetRequiredService<KeyRing>().Forget(realm);
        output.WriteLine($"key {keyId} retired: it no longer signs and is withdrawn from JWKS (other nodes within a minute)");
        return 0;
    }

    private static string Time(DateTimeOffset? at) => at is { } t ? t.ToString("u") : "-";

    public static string? TakeOption(List<string> args, string name)
    {
        var i = args.IndexOf(name);
        if (i < 0) return null;
        if (i + 1 >= args.Count) throw new AdminException($"{name} needs a value.");
        var value = args[i + 1];
        args.RemoveRange(i, 2);
        return value;
    }

    public static List<string> TakeAll(List<string> args, string name)
    {
        var values = new List<string>();
        while (TakeOption(args, name) is { } value) values.Add(value);
        return values;
    }

    public static bool TakeFlag(List<string> args, string name) => args.Remove(name);

    private static string Required(List<string> args, string name) => TakeOption(args, name) ?? throw new AdminException($"{name} is required.");

    private static string Single(List<string> args, string what) =>
        args.Count == 1 ? args[0] : throw new AdminException($"Expected one {what}, got: {string.Join(' ', args)}");
}
