using Latchkey.Server.Tests.Infrastructure;
using Latchkey.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Server.Tests;

/// <summary>Expired codes and requests do not pile up: each node deletes them a while (a day by default) after they expired.</summary>
public sealed class ExpiredDataCleanupTests(ExpiredDataCleanupTests.CleaningServer server) : IClassFixture<ExpiredDataCleanupTests.CleaningServer>
{
    public sealed class CleaningServer() : LatchkeyServer(new Dictionary<string, string> { ["Latchkey:Cleanup:Interval"] = "00:00:01" });

    [Fact]
    public async Task Codes_and_device_requests_are_deleted_a_day_after_they_expired_and_live_ones_stay()
    {
        using var browser = server.NewClient();
        await browser.AuthorizeAsync(OAuthTestClient.CodeRequest(OAuthTestClient.NewVerifier(), scope: "openid"));
        await browser.PostFormAsync("device_authorization", new Dictionary<string, string> { ["client_id"] = "tv", ["scope"] = "openid" });
        Assert.True(await CountAsync(db => db.AuthorizationCodes) > 0);
        Assert.True(await CountAsync(db => db.DeviceAuthorizations) > 0);

        server.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(15));
        using var later = server.NewClient();
        await later.AuthorizeAsync(OAuthTestClient.CodeRequest(OAuthTestClient.NewVerifier(), scope: "openid"));

        for (var wait = 0; wait < 100 && await CountAsync(db => db.DeviceAuthorizations) > 0; wait++) await Task.Delay(100);
        Assert.Equal(0, await CountAsync(db => db.DeviceAuthorizations));
        Assert.Equal(1, await CountAsync(db => db.AuthorizationCodes)); // the live one
    }

    private async Task<int> CountAsync<T>(Func<LatchkeyDbContext, IQueryable<T>> table)
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<LatchkeyDbContext>>().CreateDbContextAsync();
        return await table(db).CountAsync();
    }
}
