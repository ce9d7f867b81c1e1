using System.Net;
using System.Security.Cryptography;
using Latchkey.Server.Tests.Infrastructure;
using Latchkey.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Latchkey.Server.Tests;

/// <summary>
/// Keys at rest: with a key-encryption key configured, the Data Protection key ring in the database is encrypted by it,
/// so the database alone opens nothing; the same KEK opens it again after a restart, another KEK does not.
/// </summary>
public sealed class KeyEncryptionTests
{
    private sealed class NodeWithKek(string data, string? kek) : LatchkeyServer(Settings(data, kek))
    {
        private static Dictionary<string, string> Settings(string data, string? kek)
        {
            var settings = new Dictionary<string, string> { ["Latchkey:DataDirectory"] = data };
            if (kek is not null) settings["Latchkey:KeyEncryption:Key"] = kek;
            return settings;
        }
    }

    [Fact]
    public async Task The_key_ring_is_stored_encrypted_reopens_with_the_same_kek_and_not_with_another()
    {
        var data = Path.Combine(Path.GetTempPath(), "latchkey-tests", Guid.NewGuid().ToString("N"));
        var kek = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        try
        {
            string kid;
            await using (var first = new NodeWithKek(data, kek))
            {
                await first.InitializeAsync();
                using var client = first.NewClient();
                kid = KeyRotationTests.Kid((await client.CodeFlowAsync(scope: "openid")).IdToken!);
                var stored = await StoredKeyRingAsync(first);
                Assert.NotEmpty(stored);
                Assert.All(stored, xml =>
                {
                    Assert.Contains("latchkeyKekEncrypted", xml);
                    Assert.DoesNotContain("<masterKey", xml); // the key material itself never reaches the database in clear
                });
            }

            await using (var again = new NodeWithKek(data, kek))
            {
                await again.InitializeAsync();
                using var client = again.NewClient();
                var tokens = await client.CodeFlowAsync(scope: "openid");
                Assert.Equal(HttpStatusCode.OK, tokens.Status);
                Assert.Equal(kid, KeyRotationTests.Kid(tokens.IdToken!)); // the same signing key, decrypted
            }

            var other = new NodeWithKek(data, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            var refused = await Assert.ThrowsAnyAsync<CryptographicException>(other.InitializeAsync);
            Assert.Contains("another key-encryption key", refused.ToString());
            try { await other.DisposeAsync(); } catch (InvalidOperationException) { /* it logged the failure, as it should */ }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<List<string>> StoredKeyRingAsync(LatchkeyServer node)
    {
        await using var db = await node.Services.GetRequiredService<IDbContextFactory<LatchkeyDbContext>>().CreateDbContextAsync();
        return await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync();
    }
}
