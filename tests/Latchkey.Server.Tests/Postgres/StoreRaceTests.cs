using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Realms;
using Latchkey.Protocol.Storage;
using Latchkey.Storage;
using Latchkey.Storage.Stores;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Latchkey.Server.Tests.Postgres;

/// <summary>
/// The stores' atomic operations, on SQLite and on PostgreSQL, under many callers at the same instant: single use
/// is decided by the database, and the writes that two tabs or two nodes race on neither fail nor lose an update.
/// </summary>
public sealed class StoreRaceTests(StoreDatabases databases, ITestOutputHelper output) : IClassFixture<StoreDatabases>
{
    private const int Callers = 16;
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch.AddYears(56);

    public static TheoryData<string> Providers => new() { StorageProvider.Sqlite, StorageProvider.Postgres };

    private IDbContextFactory<LatchkeyDbContext>? Factory(string provider)
    {
        if (provider == StorageProvider.Postgres && databases.Cluster.Unavailable is not null)
        {
            output.WriteLine(databases.Cluster.Unavailable);
            return null;
        }
        return databases[provider];
    }

    /// <summary>Runs <paramref name="action"/> from <see cref="Callers"/> threads released at the same moment.</summary>
    private static async Task<T[]> AtOnceAsync<T>(Func<int, Task<T>> action)
    {
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, Callers).Select(i => Task.Run(async () => { start.Wait(); return await action(i); })).ToArray();
        start.Set();
        return await Task.WhenAll(tasks);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_code_is_consumed_exactly_once(string provider)
    {
        if (Factory(provider) is not { } factory) return;
        var store = new EfGrantStore(factory);
        for (var round = 0; round < 10; round++)
        {
            var hash = RandomToken.Hash(RandomToken.Create());
            await store.StoreCodeAsync(new AuthorizationCodeRecord
            {
                Hash = hash, Realm = "r", ClientId = "c", UserId = "u", GrantId = RandomToken.Create(8), Scopes = ["openid"],
                AuthTime = Now, CreatedAt = Now, ExpiresAt = Now.AddMinutes(1),
            }, default);
            var outcomes = await AtOnceAsync(async _ => (await store.TryConsumeCodeAsync("r", "c", hash, Now, default)).Outcome);
            Assert.Single(outcomes, o => o == ConsumeOutcome.Consumed);
            Assert.All(outcomes.Where(o => o != ConsumeOutcome.Consumed), o => Assert.Equal(ConsumeOutcome.AlreadyConsumed, o));
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_refresh_token_is_rotated_exactly_once_and_concurrent_revocations_all_succeed(string provider)
    {
        if (Factory(provider) is not { } factory) return;
        var store = new EfGrantStore(factory);
        for (var round = 0; round < 10; round++)
        {
            var (hash, grantId) = (RandomToken.Hash(RandomToken.Create()), RandomToken.Create(8));
            await store.StoreRefreshTokenAsync(new RefreshTokenRecord
            {
                Hash = hash, Realm = "r", GrantId = grantId, ClientId = "c", UserId = "u", Scopes = ["openid"],
                AuthTime = Now, CreatedAt = Now, ExpiresAt = Now.AddDays(1),
            }, default);
            var outcomes = await AtOnceAsync(async _ => (await store.RotateRefreshTokenAsync(
                new RefreshRotationRequest("r", "c", hash, RandomToken.Hash(RandomToken.Create()), null, Now), default)).Outcome);
            Assert.Single(outcomes, o => o == RotationOutcome.Rotated);
            Assert.All(outcomes.Where(o => o != RotationOutcome.Rotated), o => Assert.Equal(RotationOutcome.AlreadyRotated, o));

            // Every loser detects reuse and revokes the family at the same moment (RFC 9700 §4.14.2).
            await AtOnceAsync(async _ => { await store.RevokeGrantAsync("r", grantId, Now, default); return true; });
            Assert.True(await store.IsRevokedAsync("r", grantId, "jti", default));
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Parallel_login_failures_are_all_counted(string provider)
    {
        if (Factory(provider) is not { } factory) return;
        var store = new EfLoginThrottleStore(factory);
        var key = "user:r:" + RandomToken.Create(8);
        await AtOnceAsync(async _ => await store.UpdateAsync(key, s => new LoginThrottleState((s?.Failures ?? 0) + 1, Now, null), default));
        Assert.Equal(Callers, (await store.GetAsync(key, default))!.Failures);

        // A successful login resetting the counter while failures are being counted: neither call fails.
        await AtOnceAsync(async i =>
        {
            if (i % 2 == 0) await store.ResetAsync(key, default);
            else await store.UpdateAsync(key, s => new LoginThrottleState((s?.Failures ?? 0) + 1, Now, null), default);
            return true;
        });
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Parallel_consents_merge_and_session_clients_are_recorded_once(string provider)
    {
        if (Factory(provider) is not { } factory) return;
        var (consents, sessions) = (new EfConsentStore(factory), new EfSessionStore(factory));
        var (user, sid) = (RandomToken.Create(8), RandomToken.Create(8));
        await AtOnceAsync(async i =>
        {
            await consents.GrantAsync("r", user, "c", [$"scope{i}"], Now, default);
            await sessions.AddClientAsync("r", sid, "c", default);
            return true;
        });
        Assert.Equal(Callers, (await consents.GrantedScopesAsync("r", user, "c", default)).Count);
        Assert.Equal(["c"], await sessions.ClientsAsync("r", sid, default));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Only_one_first_signing_key_is_added(string provider)
    {
        if (Factory(provider) is not { } factory) return;
        var store = new EfSigningKeyStore(factory);
        var realm = "keys-" + RandomToken.Create(8);
        var added = await AtOnceAsync(async i =>
            await store.AddFirstAsync(new StoredSigningKey(realm, $"kid{i}", SigningAlgorithms.RS256, [1, 2, 3], Now), default));
        Assert.Single(added, a => a);
        Assert.Single(await store.ListAsync(realm, default));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_approved_device_code_is_redeemed_exactly_once(string provider)
    {
        if (Factory(provider) is not { } factory) return;
        var store = new EfDeviceAuthorizationStore(factory);
        var (deviceCode, userCode) = (RandomToken.Hash(RandomToken.Create()), RandomToken.Hash(RandomToken.Create()));
        Assert.True(await store.TryStoreAsync(new DeviceAuthorizationRecord
        {
            DeviceCodeHash = deviceCode, UserCodeHash = userCode, Realm = "r", ClientId = "tv", Scopes = ["openid"],
            CreatedAt = Now, ExpiresAt = Now.AddMinutes(10), IntervalSeconds = 5,
        }, default));
        Assert.True(await store.TryDecideAsync("r", userCode, new UserApproval("u", RandomToken.Create(8), Now, null, ["pwd"]), Now, default));
        var outcomes = await AtOnceAsync(async _ => (await store.TryConsumeAsync("r", "tv", deviceCode, Now, default)).Outcome);
        Assert.Single(outcomes, o => o == ConsumeOutcome.Consumed);
    }
}
