using System.Net;
using Latchkey.Server.Admin;
using Latchkey.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Server.Tests;

/// <summary>Registration: the import file is idempotent; the command line registers clients and users that then work over HTTP.</summary>
public sealed class ImportAndCommandLineTests(LatchkeyServer server) : IClassFixture<LatchkeyServer>
{
    private Task<string> RunAsync(params string[] args) => server.RunCliAsync(args);

    [Fact]
    public async Task Reimporting_the_same_file_changes_nothing()
    {
        var output = await RunAsync("import", Path.Combine(server.DataDirectory, "import.json"));
        Assert.Contains(": 0 entries created or changed", output);
    }

    [Fact]
    public async Task Cli_client_gets_a_generated_secret_shown_once_that_authenticates()
    {
        var output = await RunAsync("clients", "add", "--realm", "test", "--id", "cli-app", "--redirect-uri", "https://cli.example/cb",
            "--scopes", "openid", "--no-consent");
        var secret = output.Split('\n').Single(l => l.StartsWith("client_secret:")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        Assert.True(secret.Length >= 43); // 256 bits, base64url

        using var browser = server.NewClient();
        var verifier = OAuthTestClient.NewVerifier();
        var callback = await browser.AuthorizeAsync(OAuthTestClient.CodeRequest(verifier, "cli-app", "https://cli.example/cb", "openid"));
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = callback["code"], ["redirect_uri"] = "https://cli.example/cb", ["code_verifier"] = verifier,
        };
        Assert.Equal(HttpStatusCode.OK, (await browser.TokenAsync(form, "cli-app", secret)).Status);

        var listed = await RunAsync("clients", "list", "--realm", "test");
        Assert.Contains("cli-app", listed);
        Assert.DoesNotContain(secret, listed);

        var rotated = await RunAsync("clients", "rotate-secret", "--realm", "test", "cli-app");
        var newSecret = rotated.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        Assert.Equal("invalid_client", (await browser.TokenAsync(form, "cli-app", secret)).Error);
        Assert.Equal("invalid_grant", (await browser.TokenAsync(form, "cli-app", newSecret)).Error); // authenticated; code already used
    }

    [Fact]
    public async Task Cli_users_can_sign_in_and_change_password()
    {
        await RunAsync("users", "add", "--realm", "test", "--username", "carol", "--password", "first-password-1");
        using var browser = server.NewClient();
        await browser.CodeFlowAsync(scope: "openid", username: "carol").ContinueWith(_ => { });
        await RunAsync("users", "set-password", "--realm", "test", "carol", "--password", "second-password-2");

        using var fresh = server.NewClient();
        var login = (await fresh.GetAsync(fresh.AuthorizeUrl(OAuthTestClient.CodeRequest(OAuthTestClient.NewVerifier(), scope: "openid")))).Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.BadRequest, (await fresh.SubmitLoginAsync(login, "carol", "first-password-1")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.SubmitLoginAsync(login, "carol", "second-password-2")).StatusCode);
    }

    [Fact]
    public async Task Public_clients_always_require_pkce_and_have_no_secret()
    {
        var output = await RunAsync("clients", "add", "--realm", "test", "--id", "cli-spa", "--public", "--no-pkce", "--redirect-uri", "https://spa2.example/cb");
        Assert.DoesNotContain("client_secret", output);
        var client = (await server.Services.GetRequiredService<AdminRepository>().ListClientsAsync("test", default)).Single(c => c.ClientId == "cli-spa");
        Assert.True(client.RequirePkce);
        Assert.Null(client.SecretHash);
    }

    [Fact]
    public async Task The_refresh_token_reuse_grace_is_set_on_the_command_line_and_never_negative()
    {
        await RunAsync("clients", "add", "--realm", "test", "--id", "cli-grace", "--public", "--redirect-uri", "https://grace.example/cb",
            "--refresh-token-reuse-grace", "7");
        var clients = await server.Services.GetRequiredService<AdminRepository>().ListClientsAsync("test", default);
        Assert.Equal(TimeSpan.FromSeconds(7), clients.Single(c => c.ClientId == "cli-grace").RefreshTokenReuseGrace);
        Assert.Equal(TimeSpan.Zero, clients.Single(c => c.ClientId == "spa").RefreshTokenReuseGrace);

        var cli = new CommandLine(server.Services, new StringWriter());
        await Assert.ThrowsAsync<AdminException>(() => cli.RunAsync(
            ["clients", "add", "--realm", "test", "--id", "cli-grace2", "--public", "--refresh-token-reuse-grace", "-1"]));
    }

    [Theory]
    [InlineData("https://app.example/cb#frag")]
    [InlineData("http://app.example/cb")]
    [InlineData("/relative")]
    [InlineData("javascript:alert(1)")]
    public async Task Unsafe_redirect_uris_are_refused_at_registration(string uri)
    {
        var cli = new CommandLine(server.Services, new StringWriter());
        var error = await Assert.ThrowsAsync<AdminException>(() => cli.RunAsync(["clients", "add", "--realm", "test", "--redirect-uri", uri]));
        Assert.Contains(uri, error.Message);
    }

    [Fact]
    public async Task Import_shows_a_generated_secret_once()
    {
        var file = Path.Combine(server.DataDirectory, "generated.json");
        await File.WriteAllTextAsync(file, """{ "realms": [ { "name": "test", "clients": [ { "clientId": "imported-no-secret", "redirectUris": ["https://i.example/cb"] } ] } ] }""");
        var first = await RunAsync("import", file);
        Assert.Contains("client test/imported-no-secret: client_secret ", first);
        var second = await RunAsync("import", file);
        Assert.DoesNotContain("client_secret", second);
    }

    [Fact]
    public async Task Bad_arguments_say_what_is_wrong()
    {
        var output = new StringWriter();
        var cli = new CommandLine(server.Services, output);
        await Assert.ThrowsAsync<AdminException>(() => cli.RunAsync(["clients", "add", "--realm", "nowhere"]));
        await Assert.ThrowsAsync<AdminException>(() => cli.RunAsync(["clients", "add", "--realm", "test", "--capability", "teleport"]));
        Assert.Equal(2, await cli.RunAsync(["frobnicate"]));
        Assert.Contains("usage:", output.ToString());
    }
}
