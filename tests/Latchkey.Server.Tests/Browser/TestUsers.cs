using Latchkey.Protocol.Users;
using Latchkey.Server.Admin;
using Latchkey.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Server.Tests.Browser;

public static class TestUsers
{
    /// <summary>
    /// A user no other test has signed in as, with <see cref="TestRealm.Password"/>. Consent is remembered
    /// per user and client, so a test that must see the consent page cannot share its user.
    /// </summary>
    public static async Task<string> CreateAsync(LatchkeyServer server)
    {
        var username = "user-" + Guid.NewGuid().ToString("N")[..8];
        var user = new User { Realm = TestRealm.Name, Id = Guid.NewGuid().ToString(), Username = username };
        await server.Services.GetRequiredService<AdminRepository>().SaveUserAsync(TestRealm.Name, user, TestRealm.Password, CancellationToken.None);
        return username;
    }
}
