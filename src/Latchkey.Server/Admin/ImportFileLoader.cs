using System.Text.Json;
using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Realms;
using Latchkey.Protocol.Users;

namespace Latchkey.Server.Admin;

/// <summary>Applies an import file. Idempotent: a second run with the same file changes nothing.</summary>
public sealed class ImportFileLoader(AdminRepository admin, ILogger<ImportFileLoader> log)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Returns how many entries were created or changed; secrets it generates are written to <paramref name="console"/> once.</summary>
    public async Task<int> LoadAsync(string path, TextWriter console, CancellationToken ct)
    {
        ImportFile file;
        try
        {
            await using var stream = File.OpenRead(path);
            file = await JsonSerializer.DeserializeAsync<ImportFile>(stream, Json, ct) ?? new ImportFile();
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            throw new AdminException($"Cannot read import file '{path}': {e.Message}");
        }
        var changes = 0;
        foreach (var realm in file.Realms) changes += await ApplyAsync(realm, console, ct);
        log.LogInformation("Imported {Path}: {Changes} entries created or changed", path, changes);
        return changes;
    }

    private async Task<int> ApplyAsync(ImportFile.RealmImport realm, TextWriter console, CancellationToken ct)
    {
        var changes = await admin.SaveRealmAsync(new Realm
        {
            Name = realm.Name, DisplayName = realm.DisplayName, SigningAlgorithm = realm.SigningAlgorithm,
            PasswordGrantIdTokens = realm.PasswordGrantIdTokens,
        }, ct) ? 1 : 0;
        foreach (var scope in realm.Scopes)
            changes += await admin.SaveScopeAsync(realm.Name, new ScopeDefinition(scope.Name, scope.Description ?? scope.Name, scope.Audience), ct) ? 1 : 0;
        foreach (var client in realm.Clients)
        {
            var (_, generated, changed) = await admin.SaveClientAsync(realm.Name, ToRegistration(client), ct);
            if (generated is not null) console.WriteLine($"client {realm.Name}/{client.ClientId}: client_secret {generated}   (shown once)");
            changes += changed ? 1 : 0;
        }
        foreach (var user in realm.Users)
        {
            var model = new User
            {
                Realm = realm.Name, Id = user.Id ?? Guid.NewGuid().ToString(), Username = user.Username, Email = user.Email,
                EmailVerified = user.EmailVerified, GivenName = user.GivenName, FamilyName = user.FamilyName, Enabled = user.Enabled,
            };
            changes += (await admin.SaveUserAsync(realm.Name, model, user.Password, ct)).Changed ? 1 : 0;
        }
        return changes;
    }

    private static ClientRegistration ToRegistration(ImportFile.ClientImport c) => new()
    {
        ClientId = c.ClientId,
        DisplayName = c.DisplayName,
        Type = ParseEnum<ClientType>(c.Type, "type"),
        ChosenSecret = c.Secret,
        TokenEndpointAuthMethod = c.TokenEndpointAuthMethod,
        Jwks = c.Jwks is { ValueKind: not JsonValueKind.Null } jwks ? jwks.GetRawText() : null,
        JwksUri = c.JwksUri,
        RedirectUris = c.RedirectUris,
        PostLogoutRedirectUris = c.PostLogoutRedirectUris,
        AllowedScopes = c.AllowedScopes ?? new ClientRegistration().AllowedScopes,
        Capabilities = c.Capabilities is null
            ? ClientCapabilities.StandardFlow
            : c.Capabilities.Aggregate(ClientCapabilities.None, (all, name) => all | ParseEnum<ClientCapabilities>(name, "capabilities")),
        RequirePkce = c.RequirePkce,
        AllowPlainPkce = c.AllowPlainPkce,
        ConsentRequired = c.ConsentRequired,
        AlwaysIssueRefreshToken = c.AlwaysIssueRefreshToken,
        AccessTokenFormat = ParseEnum<AccessTokenFormat>(c.AccessTokenFormat, "accessTokenFormat"),
        BackchannelLogoutUri = c.BackchannelLogoutUri,
        FrontchannelLogoutUri = c.FrontchannelLogoutUri,
        TokenExchangeAudiences = c.TokenExchangeAudiences,
        TokenExchangeMayImpersonate = c.TokenExchangeMayImpersonate,
        BackchannelTokenDeliveryMode = ParseEnum<BackchannelTokenDeliveryMode>(c.BackchannelTokenDeliveryMode, "backchannelTokenDeliveryMode"),
        BackchannelClientNotificationEndpoint = c.BackchannelClientNotificationEndpoint,
        BackchannelUserCodeParameter = c.BackchannelUserCodeParameter,
        AccessTokenLifetimeSeconds = c.AccessTokenLifetimeSeconds,
        IdTokenLifetimeSeconds = c.IdTokenLifetimeSeconds,
        AuthorizationCodeLifetimeSeconds = c.AuthorizationCodeLifetimeSeconds,
        RefreshTokenLifetimeSeconds = c.RefreshTokenLifetimeSeconds,
        RefreshTokenReuseGraceSeconds = c.RefreshTokenReuseGraceSeconds >= 0 ? c.RefreshTokenReuseGraceSeconds
            : throw new AdminException($"client {c.ClientId}: refreshTokenReuseGraceSeconds must be 0 or more."),
    };

    public static T ParseEnum<T>(string value, string field) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new AdminException($"Unknown {field} value '{value}'. Known: {string.Join(", ", Enum.GetNames<T>())}.");
}
