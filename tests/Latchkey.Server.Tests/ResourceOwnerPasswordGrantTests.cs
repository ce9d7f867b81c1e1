using System.Net;
using Latchkey.Protocol.Users;
using Latchkey.Server.Admin;
using Latchkey.Server.Tests.Infrastructure;
using Latchkey.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Latchkey.Server.Tests;

/// <summary>RFC 6749 §4.3: off unless the client has direct access grants; throttled like the login page.</summary>
public sealed class ResourceOwnerPasswordGrantTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    private static Dictionary<string, string> Grant(string username, string password, string? scope = "openid profile")
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "password", ["username"] = username, ["password"] = password };
        if (scope is not null) form["scope"] = scope;
        return form;
    }

    [Fact]
    public async Task Direct_access_client_gets_tokens_for_the_user()
    {
        using var client = server.NewClient();
        var result = await client.TokenAsync(Grant("alice", TestRealm.Password, "openid profile offline_access api"), "direct", TestRealm.WebSecret);
        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.NotNull(result.RefreshToken);
        var access = await Jwt.ValidateAsync(client, result.AccessToken, "test-api", "at+jwt");
        Assert.True(access.IsValid, access.Exception?.Message);
        var id = Jwt.Payload(result.IdToken!);
        Assert.Equal("alice", id.GetProperty("preferred_username").GetString());
        Assert.Equal("pwd", id.GetProperty("amr")[0].GetString());

        var refreshed = await client.TokenAsync(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = result.RefreshToken! },
            "direct", TestRealm.WebSecret);
        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
    }

    [Fact]
    public async Task No_id_token_without_openid_and_no_refresh_token_without_offline_access()
    {
        using var client = server.NewClient();
        var result = await client.TokenAsync(Grant("alice", TestRealm.Password, "api"), "direct", TestRealm.WebSecret);
        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Null(result.IdToken);
        Assert.Null(result.RefreshToken);
    }

    [Fact]
    public async Task A_realm_that_turns_password_grant_id_tokens_off_gives_none_even_for_openid()
    {
        var import = Path.Combine(server.DataDirectory, "ropc-realm.json");
        await File.WriteAllTextAsync(import, $$"""
            { "realms": [ { "name": "ropc-off", "passwordGrantIdTokens": false,
                "clients": [ { "clientId": "direct", "secret": "{{TestRealm.WebSecret}}", "capabilities": ["directAccessGrants"],
                               "allowedScopes": ["openid", "profile"] } ],
                "users": [ { "username": "alice", "password": "{{TestRealm.Password}}" } ] } ] }
            """);
        await new Admin.CommandLine(server.Services, TextWriter.Null).RunAsync(["import", import]);
        using var client = server.NewClient("ropc-off");
        var off = await client.TokenAsync(Grant("alice", TestRealm.Password, "openid profile"), "direct", TestRealm.WebSecret);
        Assert.Equal(HttpStatusCode.OK, off.Status);
        Assert.Null(off.IdToken);
        Assert.Equal("openid profile", off["scope"]);

        await new Admin.CommandLine(server.Services, TextWriter.Null).RunAsync(["realms", "update", "ropc-off", "--password-grant-id-tokens", "true"]);
        var on = await client.TokenAsync(Grant("alice", TestRealm.Password, "openid profile"), "direct", TestRealm.WebSecret);
        Assert.NotNull(on.IdToken);
        Assert.Equal("ropc-off", client.Issuer.Split('/')[^1]);
        Assert.Equal(client.Issuer, Jwt.Payload(on.IdToken!).GetProperty("iss").GetString());
    }

    [Fact]
    public async Task Public_client_with_the_switch_may_use_it()
    {
        using var client = server.NewClient();
        var form = Grant("bob", TestRealm.Password, "openid");
        form["client_id"] = "direct-public";
        Assert.Equal(HttpStatusCode.OK, (await client.TokenAsync(form)).Status);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_user_are_the_same_invalid_grant()
    {
        using var client = server.NewClient();
        var wrong = await client.TokenAsync(Grant("bob", "nope"), "direct", TestRealm.WebSecret);
        var unknown = await client.TokenAsync(Grant("nobody-at-all", "nope"), "direct", TestRealm.WebSecret);
        Assert.Equal("invalid_grant", wrong.Error);
        Assert.Equal(wrong["error_description"], unknown["error_description"]);
    }

    [Fact]
    public async Task Brute_force_from_a_client_locks_the_user_here_and_on_the_login_page()
    {
        using var client = server.NewClient();
        for (var i = 0; i < 5; i++) await client.TokenAsync(Grant("ropc-target", $"guess-{i}"), "direct", TestRealm.WebSecret);
        var locked = await client.TokenAsync(Grant("ropc-target", TestRealm.Password), "direct", TestRealm.WebSecret);
        Assert.Equal("invalid_grant", locked.Error);
        Assert.Contains("Too many failed sign-in attempts", locked["error_description"]);

        var login = (await client.GetAsync(client.AuthorizeUrl(OAuthTestClient.CodeRequest(OAuthTestClient.NewVerifier(), scope: "openid"))))
            .Headers.Location!.OriginalString;
        var page = await client.SubmitLoginAsync(login, "ropc-target", TestRealm.Password);
        Assert.Contains("Too many failed sign-in attempts", await page.Content.ReadAsStringAsync());

        // The operator sees the lock and lifts it.
        var output = new StringWriter();
        var cli = new Latchkey.Server.Admin.CommandLine(server.Services, output);
        Assert.Equal(0, await cli.RunAsync(["users", "lockout", "--realm", "test", "ropc-target"]));
        Assert.Contains("5 failed sign-ins", output.ToString());
        Assert.Contains("locked until", output.ToString());
        Assert.Equal(0, await cli.RunAsync(["users", "unlock", "--realm", "test", "ropc-target"]));
        var unlocked = await client.TokenAsync(Grant("ropc-target", TestRealm.Password), "direct", TestRealm.WebSecret);
        Assert.Equal(HttpStatusCode.OK, unlocked.Status);
    }

    [Fact]
    public async Task Parallel_guesses_are_all_counted()
    {
        using var client = server.NewClient();
        await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            client.TokenAsync(Grant("parallel-target", $"guess-{i}"), "direct", TestRealm.WebSecret)));
        var factory = server.Services.GetRequiredService<IDbContextFactory<LatchkeyDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var counted = await db.LoginThrottles.Where(t => t.Key == "user:test:parallel-target").Select(t => t.Failures).SingleAsync();
        // Requests that arrive after the lock are refused before the password is checked, and are not failures;
        // every request that was checked is counted (no lost updates).
        Assert.InRange(counted, 5, 12);
        var locked = await client.TokenAsync(Grant("parallel-target", TestRealm.Password), "direct", TestRealm.WebSecret);
        Assert.Contains("Too many failed sign-in attempts", locked["error_description"]);
    }

    [Fact]
    public async Task Off_unless_the_client_has_direct_access_grants()
    {
        using var client = server.NewClient();
        Assert.Equal("unauthorized_client", (await client.TokenAsync(Grant("alice", TestRealm.Password), "web", TestRealm.WebSecret)).Error);
        Assert.Equal("unauthorized_client", (await client.TokenAsync(Grant("alice", TestRealm.Password), "service", TestRealm.WebSecret)).Error);
    }

    [Theory]
    [InlineData("username")]
    [InlineData("password")]
    public async Task Missing_credentials_are_invalid_request(string missing)
    {
        using var client = server.NewClient();
        var form = Grant("alice", TestRealm.Password);
        form.Remove(missing);
        Assert.Equal("invalid_request", (await client.TokenAsync(form, "direct", TestRealm.WebSecret)).Error);
    }

    [Fact]
    public async Task Scope_outside_the_clients_allowed_set_is_invalid_scope()
    {
        using var client = server.NewClient();
        Assert.Equal("invalid_scope", (await client.TokenAsync(Grant("alice", TestRealm.Password, "openid email"), "direct", TestRealm.WebSecret)).Error);
    }

    [Theory]
    [InlineData(PasswordHasherCompatibilityMode.IdentityV3, "v3-user")]
    [InlineData(PasswordHasherCompatibilityMode.IdentityV2, "v2-user")]
    public async Task Passwords_hashed_by_aspnet_identity_sign_in_whatever_its_format(PasswordHasherCompatibilityMode mode, string username)
    {
        // A user table carried over from an ASP.NET Core Identity application keeps its hashes: v3 is checked by
        // Latchkey's own PBKDF2, anything else by Identity's hasher.
        var hasher = new PasswordHasher<User>(Options.Create(new PasswordHasherOptions { CompatibilityMode = mode }));
        await UserWithStoredHashAsync(username, hasher.HashPassword(null!, TestRealm.Password));

        using var client = server.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await client.TokenAsync(Grant(username, TestRealm.Password), "direct", TestRealm.WebSecret)).Status);
        Assert.Equal("invalid_grant", (await client.TokenAsync(Grant(username, TestRealm.Password + "x"), "direct", TestRealm.WebSecret)).Error);
    }

    [Fact]
    public async Task A_truncated_stored_hash_is_a_wrong_password_not_a_server_error()
    {
        // A v3 header claiming HMAC-SHA512 and a 16-byte salt, cut off after 20 bytes.
        await UserWithStoredHashAsync("truncated-hash", Convert.ToBase64String([1, 0, 0, 0, 2, 0, 1, 134, 160, 0, 0, 0, 16, 1, 2, 3, 4, 5, 6, 7]));
        using var client = server.NewClient();
        var result = await client.TokenAsync(Grant("truncated-hash", TestRealm.Password), "direct", TestRealm.WebSecret);
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("invalid_grant", result.Error);
    }

    /// <summary>A new user whose stored password hash is exactly <paramref name="hash"/>, as a carried-over user table has it.</summary>
    private async Task UserWithStoredHashAsync(string username, string hash)
    {
        var admin = server.Services.GetRequiredService<AdminRepository>();
        await admin.SaveUserAsync(TestRealm.Name, new User { Realm = TestRealm.Name, Id = Guid.NewGuid().ToString(), Username = username },
            "placeholder-password", CancellationToken.None);
        var factory = server.Services.GetRequiredService<IDbContextFactory<LatchkeyDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var user = await db.Users.SingleAsync(u => u.Realm == TestRealm.Name && u.Username == username);
        user.PasswordHash = hash;
        await db.SaveChangesAsync();
    }
}
