using Latchkey.Protocol.Clients;
using static Latchkey.Server.Admin.CommandLine;

namespace Latchkey.Server.Admin;

/// <summary>Parses the options of `latchkey clients add` into a registration.</summary>
public static class ClientArguments
{
    public static ClientRegistration Parse(List<string> args)
    {
        var defaults = new ClientRegistration();
        var capabilities = TakeAll(args, "--capability");
        var registration = new ClientRegistration
        {
            ClientId = TakeOption(args, "--id"),
            DisplayName = TakeOption(args, "--name"),
            Type = TakeFlag(args, "--public") ? ClientType.Public : ClientType.Confidential,
            TokenEndpointAuthMethod = TakeOption(args, "--auth-method"),
            Jwks = TakeOption(args, "--jwks") is { } file ? ReadJwks(file) : null,
            JwksUri = TakeOption(args, "--jwks-uri"),
            RedirectUris = TakeAll(args, "--redirect-uri"),
            PostLogoutRedirectUris = TakeAll(args, "--post-logout-redirect-uri"),
            AllowedScopes = TakeOption(args, "--scopes")?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? defaults.AllowedScopes,
            Capabilities = capabilities.Count == 0
                ? ClientCapabilities.StandardFlow
                : capabilities.Aggregate(ClientCapabilities.None, (all, c) => all | ImportFileLoader.ParseEnum<ClientCapabilities>(c, "--capability")),
            ConsentRequired = !TakeFlag(args, "--no-consent"),
            RequirePkce = !TakeFlag(args, "--no-pkce"),
            AllowPlainPkce = TakeFlag(args, "--allow-plain-pkce"),
            AlwaysIssueRefreshToken = TakeFlag(args, "--always-issue-refresh-token"),
            AccessTokenFormat = TakeFlag(args, "--reference-tokens") ? AccessTokenFormat.Reference : AccessTokenFormat.Jwt,
            BackchannelLogoutUri = TakeOption(args, "--backchannel-logout-uri"),
            FrontchannelLogoutUri = TakeOption(args, "--frontchannel-logout-uri"),
            TokenExchangeAudiences = TakeAll(args, "--exchange-audience"),
            TokenExchangeMayImpersonate = TakeFlag(args, "--may-impersonate"),
            BackchannelTokenDeliveryMode = TakeOption(args, "--ciba-mode") is { } mode
                ? ImportFileLoader.ParseEnum<BackchannelTokenDeliveryMode>(mode, "--ciba-mode")
                : BackchannelTokenDeliveryMode.Poll,
            BackchannelClientNotificationEndpoint = TakeOption(args, "--ciba-notification-endpoint"),
            BackchannelUserCodeParameter = TakeFlag(args, "--ciba-user-code"),
            AccessTokenLifetimeSeconds = Seconds(args, "--access-token-lifetime", defaults.AccessTokenLifetimeSeconds),
            RefreshTokenLifetimeSeconds = Seconds(args, "--refresh-token-lifetime", defaults.RefreshTokenLifetimeSeconds),
            AuthorizationCodeLifetimeSeconds = Seconds(args, "--code-lifetime", defaults.AuthorizationCodeLifetimeSeconds),
            RefreshTokenReuseGraceSeconds = GraceSeconds(args, "--refresh-token-reuse-grace"),
        };
        if (args.Count > 0) throw new AdminException($"Unknown arguments: {string.Join(' ', args)}\n{Usage}");
        return registration;
    }

    private static string ReadJwks(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AdminException($"Cannot read --jwks file '{path}': {e.Message}");
        }
    }

    private static int GraceSeconds(List<string> args, string name)
    {
        var value = TakeOption(args, name);
        if (value is null) return 0;
        return int.TryParse(value, out var s) && s >= 0 ? s : throw new AdminException($"{name} must be 0 or a positive number of seconds.");
    }

    private static int Seconds(List<string> args, string name, int fallback)
    {
        var value = TakeOption(args, name);
        if (value is null) return fallback;
        return int.TryParse(value, out var s) && s > 0 ? s : throw new AdminException($"{name} must be a positive number of seconds.");
    }
}
