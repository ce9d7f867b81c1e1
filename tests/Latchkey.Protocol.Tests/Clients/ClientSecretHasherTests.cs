using Latchkey.Protocol.Clients;

namespace Latchkey.Protocol.Tests.Clients;

public sealed class ClientSecretHasherTests
{
    [Fact]
    public void Generated_secrets_carry_256_bits_and_verify_only_themselves()
    {
        var secret = ClientSecretHasher.GenerateSecret();
        Assert.Equal(43, secret.Length);
        var hash = ClientSecretHasher.HashGenerated(secret);
        Assert.DoesNotContain(secret, hash);
        Assert.True(ClientSecretHasher.Verify(secret, hash));
        Assert.False(ClientSecretHasher.Verify(secret + "x", hash));
    }

    [Fact]
    public void Chosen_secrets_get_a_salted_slow_hash()
    {
        var a = ClientSecretHasher.HashChosen("hunter2");
        var b = ClientSecretHasher.HashChosen("hunter2");
        Assert.NotEqual(a, b);
        Assert.StartsWith("pbkdf2-sha256$", a);
        Assert.True(ClientSecretHasher.Verify("hunter2", a));
        Assert.False(ClientSecretHasher.Verify("hunter3", a));
    }

    [Theory]
    [InlineData("")]
    [InlineData("md5$abc")]
    [InlineData("pbkdf2-sha256$notanumber$x$y")]
    public void Unknown_or_broken_hashes_never_verify(string stored) => Assert.False(ClientSecretHasher.Verify("anything", stored));
}
