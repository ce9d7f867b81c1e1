using System.Security.Cryptography;
using Latchkey.Protocol.Crypto;

namespace Latchkey.Protocol.Tests.Crypto;

public sealed class Pbkdf2Tests
{
    [Fact]
    public void Known_answer_for_hmac_sha512()
    {
        // PBKDF2-HMAC-SHA512 vectors as published for RFC 6070's inputs (also Python's hashlib.pbkdf2_hmac).
        Assert.Equal("867f70cf1ade02cff3752599a3a53dc4af34c7a669815ae5d513554e1c8cf252c02d470a285a0501bad999bfe943c08f050235d7d68b1da55e63f73b60a57fce",
            Convert.ToHexStringLower(Pbkdf2.DeriveBytes("password", "salt"u8, 1, HashAlgorithmName.SHA512, 64)));
        Assert.Equal("8c0511f4c6e597c6ac6315d8f0362e225f3c501495ba23b868c005174dc4ee71115b59f9e60cd9532fa33e0f75aefe30225c583a186cd82bd4daea9724a3d3b8",
            Convert.ToHexStringLower(Pbkdf2.DeriveBytes("passwordPASSWORDpassword", "saltSALTsaltSALTsaltSALTsaltSALTsalt"u8, 4096, HashAlgorithmName.SHA512, 64)));
    }

    [Theory]
    [InlineData(0), InlineData(1), InlineData(63), InlineData(64), InlineData(65), InlineData(127), InlineData(128), InlineData(129), InlineData(300)]
    public void Matches_the_framework_around_both_block_sizes(int passwordLength)
    {
        var password = new string(Enumerable.Range(0, passwordLength).Select(i => (char)('a' + i % 26)).ToArray());
        foreach (var hash in new[] { HashAlgorithmName.SHA256, HashAlgorithmName.SHA512 })
        foreach (var (iterations, length) in new[] { (1, 1), (2, 32), (1000, 64), (3, 65), (5, 130) })
        {
            var salt = RandomNumberGenerator.GetBytes(16 + iterations % 7);
            Assert.Equal(Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, hash, length),
                Pbkdf2.DeriveBytes(password, salt, iterations, hash, length));
        }
    }

    [Fact]
    public void Non_ascii_passwords_are_utf8_as_in_the_framework()
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        Assert.Equal(Rfc2898DeriveBytes.Pbkdf2("pässwörd-密码-🔑", salt, 10, HashAlgorithmName.SHA512, 32),
            Pbkdf2.DeriveBytes("pässwörd-密码-🔑", salt, 10, HashAlgorithmName.SHA512, 32));
    }

    [Fact]
    public void Linux_uses_libcrypto_directly()
    {
        // The test machines run Linux with OpenSSL 3: a silent fall-back to the slower path would show here.
        Assert.Equal(OperatingSystem.IsLinux(), Pbkdf2.UsesOpenSslDigests);
    }
}
