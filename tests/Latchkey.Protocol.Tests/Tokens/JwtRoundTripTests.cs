using System.Text;
using Latchkey.Protocol.Realms;
using Latchkey.Protocol.Tokens;

namespace Latchkey.Protocol.Tests.Tokens;

public sealed class JwtRoundTripTests
{
    [Theory]
    [InlineData(SigningAlgorithms.RS256)]
    [InlineData(SigningAlgorithms.ES256)]
    [InlineData(SigningAlgorithms.PS256)]
    public void What_we_sign_we_verify_and_tampering_fails(string alg)
    {
        var key = new SigningKey("k1", alg, SigningKey.Generate(alg));
        var jwt = JwtWriter.Write(key, "at+jwt", w => w.WriteString("sub", "alice"));
        var verified = JwtReader.Verify(jwt, [key]);
        Assert.NotNull(verified);
        Assert.Equal("at+jwt", verified.Type);
        Assert.Equal("alice", verified.Claims.GetProperty("sub").GetString());

        var parts = jwt.Split('.');
        var forged = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"sub\":\"mallory\"}")).TrimEnd('=');
        Assert.Null(JwtReader.Verify($"{parts[0]}.{forged}.{parts[2]}", [key]));
    }

    [Fact]
    public void Token_naming_another_algorithm_for_the_key_is_refused()
    {
        var rsa = new SigningKey("k1", SigningAlgorithms.RS256, SigningKey.Generate(SigningAlgorithms.RS256));
        var jwt = JwtWriter.Write(rsa, "JWT", w => w.WriteString("sub", "a"));
        var header = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"alg\":\"none\",\"kid\":\"k1\"}")).TrimEnd('=');
        var parts = jwt.Split('.');
        Assert.Null(JwtReader.Verify($"{header}.{parts[1]}.", [rsa]));
        Assert.Null(JwtReader.Verify($"{header}.{parts[1]}.{parts[2]}", [rsa]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a.b")]
    [InlineData("!!.??.**")]
    [InlineData("e30.e30.e30")]
    public void Garbage_is_null_not_an_exception(string token)
    {
        var key = new SigningKey("k1", SigningAlgorithms.ES256, SigningKey.Generate(SigningAlgorithms.ES256));
        Assert.Null(JwtReader.Verify(token, [key]));
    }

    [Fact]
    public void At_hash_is_the_left_half_of_sha256_base64url()
    {
        // OIDC Core §3.1.3.6. Expected value from: printf TOKEN | openssl dgst -sha256 -binary | head -c 16 | base64url
        Assert.Equal("LdIz3HS927K_00PM_-h2JQ", TokenHash.Of("jHkWEdUXMU1BwAsC4vtUsZwnNJ2fhTYDc5DOFSXDK4"));
    }
}
