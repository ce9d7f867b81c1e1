using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Realms;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Users;

namespace Latchkey.Server.Admin;

/// <summary>
/// latchkey realms | clients | users | import … on the same executable as the server
/// (docs/configuration.md#command-line).
/// </summary>
public sealed class CommandLine(IServiceProvider services, TextWriter output)
{
    public const string Usage = """
        usage:
          latchkey [--import FILE]                      run the server
          latchkey import FILE                          apply an import file and exit
          latchkey migrate                              apply pending database migrations and exit
          latchkey realms add NAME [--alg RS256|ES256|PS256]
          latchkey clients add --realm R [--id ID] [--name NAME] [--public] [--redirect-uri URI]...
                  [--post-logout-redirect-uri URI]... [--scopes "openid profile ..."] [--capability NAME]...
                  [--no-consent] [--no-pkce] [--allow-plain-pkce] [--always-issue-refresh-token]
                  [--exchange-audience AUD]... [--may-impersonate]
                  [--backchannel-logout-uri URI] [--frontchannel-logout-uri URI] [--reference-tokens]
                  [--access-token-lifetime SECONDS] [--refresh-token-lifetime SECONDS] [--code-lifetime SECONDS]
                  [--refresh-token-reuse-grace SECONDS]
          latchkey clients list --realm R
          latchkey clients rotate-secret --realm R CLIENT_ID
          latchkey users add --realm R --username NAME [--password P] [--email E] [--given-name G] [--family-name F]
          latchkey users set-password --realm R USERNAME [--password P]
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
            case "clients add": return await AddClientAsync(args.Skip(2).ToList(), ct);
            case "clients list": return await ListClientsAsync(args.Skip(2).ToList(), ct);
            case "clients rotate-secret": return await RotateSecretAsync(args.Skip(2).ToList(), ct);
            case "users add": return await AddUserAsync(args.Skip(2).ToList(), ct);
            case "users set-password": return await SetPasswordAsync(args.Skip(2).ToList(), ct);
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
        var name = Single(args, "realm name");
        await Admin.SaveRealmAsync(name, null, alg, ct);
        output.WriteLine($"realm {name} ({alg})");
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
