using System.Net;
using System.Text.Json;
using Latchkey.Protocol.Tokens;
using Latchkey.Server.Admin;
using Latchkey.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Server.Tests;

public sealed class AuditedServer() : LatchkeyServer(new Dictionary<string, string> { ["Logging:LogLevel:Latchkey.Audit"] = "Information" });

/// <summary>The JSON audit lines: one per event, a stable name and who did what, and never a secret, password, code or token.</summary>
public sealed class AuditLogTests(AuditedServer server) : IClassFixture<AuditedServer>
{
    private const string WrongPassword = "not-alices-password-7731";
    private const string ChosenSecret = "an-imported-secret-5566";
    private const string NewPassword = "bobs-new-password-9182";

    [Fact]
    public async Task Logins_consents_tokens_reuse_revocations_and_admin_changes_are_audited_without_secrets()
    {
        var audit = AuditCapture.AttachTo(server);
        var secrets = new List<string> { TestRealm.Password, TestRealm.WebSecret, WrongPassword, ChosenSecret, NewPassword };
        using var client = server.NewClient();

        var verifier = OAuthTestClient.NewVerifier();
        var callback = await client.AuthorizeAsync(OAuthTestClient.CodeRequest(verifier), username: "dave");
        var tokens = await client.TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = callback["code"], ["redirect_uri"] = TestRealm.WebRedirect, ["code_verifier"] = verifier,
        }, "web", TestRealm.WebSecret);
        secrets.AddRange([callback["code"], verifier, tokens.AccessToken, tokens.RefreshToken!, tokens.IdToken!]);

        var refreshed = await client.TokenAsync(Refresh(tokens.RefreshToken!), "web", TestRealm.WebSecret);
        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        secrets.AddRange([refreshed.AccessToken, refreshed.RefreshToken!]);
        Assert.Equal("invalid_grant", (await client.TokenAsync(Refresh(tokens.RefreshToken!), "web", TestRealm.WebSecret)).Error);

        var wrong = await client.TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = "dave", ["password"] = WrongPassword,
        }, "direct", TestRealm.WebSecret);
        Assert.Equal("invalid_grant", wrong.Error);

        var service = await client.TokenAsync(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }, "service", TestRealm.WebSecret);
        secrets.Add(service.AccessToken);
        var revoked = await client.PostFormAsync("revoke", new Dictionary<string, string> { ["token"] = service.AccessToken }, "service", TestRealm.WebSecret);
        Assert.Equal(HttpStatusCode.OK, revoked.Status);

        var admin = server.Services.GetRequiredService<AdminRepository>();
        await admin.SaveClientAsync(TestRealm.Name, new ClientRegistration { ClientId = "audited", ChosenSecret = ChosenSecret }, CancellationToken.None);
        secrets.Add(await admin.RotateSecretAsync(TestRealm.Name, "audited", CancellationToken.None));
        await admin.SetPasswordAsync(TestRealm.Name, "bob", NewPassword, CancellationToken.None);
        var keys = server.Services.GetRequiredService<SigningKeyRotation>();
        var successor = await keys.RotateAsync(TestRealm.Name, "RS256", immediately: false, CancellationToken.None);
        await keys.RetireAsync(TestRealm.Name, successor.KeyId, CancellationToken.None);

        var events = audit.Events.ToList();
        Assert.All(events, e => Assert.Equal(TestRealm.Name, e.GetProperty("realm").GetString()));
        var dave = Single(events, "login.succeeded", e => e.GetProperty("username").GetString() == "dave");
        var sub = dave.GetProperty("sub").GetString();
        Assert.Equal("127.0.0.1", dave.GetProperty("ip").GetString());
        Single(events, "consent.granted", e => Is(e, "client_id", "web") && Is(e, "sub", sub));
        Single(events, "token.issued", e => Is(e, "grant_type", "authorization_code") && Is(e, "client_id", "web") && Is(e, "sub", sub));
        Single(events, "token.issued", e => Is(e, "grant_type", "refresh_token") && Is(e, "client_id", "web"));
        Single(events, "grant.reuse_detected", e => Is(e, "grant_type", "refresh_token") && Is(e, "outcome", "failure"));
        Single(events, "token.failed", e => Is(e, "grant_type", "refresh_token") && Is(e, "error", "invalid_grant"));
        Single(events, "login.failed", e => Is(e, "username", "dave") && Is(e, "error", "wrong_password"));
        Single(events, "token.issued", e => Is(e, "grant_type", "client_credentials") && Is(e, "sub", "service"));
        Single(events, "token.revoked", e => Is(e, "client_id", "service"));
        Single(events, "admin.client_saved", e => Is(e, "client_id", "audited"));
        Single(events, "admin.client_secret_rotated", e => Is(e, "client_id", "audited"));
        Single(events, "admin.password_set", e => Is(e, "username", "bob"));
        Single(events, "admin.key_rotated", e => Is(e, "kid", successor.KeyId));
        Single(events, "admin.key_retired", e => Is(e, "kid", successor.KeyId));

        var log = string.Join("\n", audit.Lines);
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, log));
    }

    private static Dictionary<string, string> Refresh(string token) => new() { ["grant_type"] = "refresh_token", ["refresh_token"] = token };

    private static bool Is(JsonElement e, string name, string? value) => e.TryGetProperty(name, out var v) && v.GetString() == value;

    private static JsonElement Single(List<JsonElement> events, string name, Func<JsonElement, bool> matches)
    {
        var found = events.Where(e => Is(e, "event", name) && matches(e)).ToList();
        Assert.True(found.Count == 1, $"expected one {name}, found {found.Count} in:\n{string.Join("\n", events)}");
        return found[0];
    }
}
