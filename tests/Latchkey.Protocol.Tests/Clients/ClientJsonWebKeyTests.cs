using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Latchkey.Protocol.Clients.Assertions;

namespace Latchkey.Protocol.Tests.Clients;

/// <summary>Reading a client's JWK Set (RFC 7517) and verifying with its keys (RFC 7518 §3).</summary>
public sealed class ClientJsonWebKeyTests
{
    private static string B64(byte[] b) => Base64Url.EncodeToString(b);

    private static object Rsa(RSA rsa, string kid, string? alg = null, string? use = null)
    {
        var p = rsa.ExportParameters(false);
        return new { kty = "RSA", kid, n = B64(p.Modulus!), e = B64(p.Exponent!), alg, use };
    }

    private static string Set(params object[] keys) =>
        JsonSerializer.Serialize(new { keys }, new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });

    [Theory]
    [InlineData("RS256")]
    [InlineData("RS512")]
    [InlineData("PS384")]
    public void Rsa_keys_verify_every_rsa_algorithm(string alg)
    {
        using var rsa = RSA.Create(2048);
        var data = Encoding.ASCII.GetBytes("header.payload");
        var padding = alg[0] == 'P' ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
        var signature = rsa.SignData(data, ClientAssertionAlgorithms.HashOf(alg), padding);
        var key = Assert.Single(ClientJsonWebKey.ParseSet(Set(Rsa(rsa, "k"))));
        Assert.True(key.Fits(alg));
        Assert.True(key.Verify(alg, data, signature));
        Assert.False(key.Verify(alg, Encoding.ASCII.GetBytes("header.other"), signature));
    }

    [Fact]
    public void Ec_keys_fit_only_their_curves_algorithm()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var p = ec.ExportParameters(false);
        var key = Assert.Single(ClientJsonWebKey.ParseSet(Set(new { kty = "EC", crv = "P-384", kid = "e", x = B64(p.Q.X!), y = B64(p.Q.Y!) })));
        Assert.True(key.Fits("ES384"));
        Assert.False(key.Fits("ES256"));
        Assert.False(key.Fits("RS256"));
        var data = Encoding.ASCII.GetBytes("h.p");
        Assert.True(key.Verify("ES384", data, ec.SignData(data, HashAlgorithmName.SHA384, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)));
    }

    [Fact]
    public void Weak_encryption_only_and_unknown_keys_are_left_out_and_alg_binds()
    {
        using var small = RSA.Create(1024);
        using var rsa = RSA.Create(2048);
        var keys = ClientJsonWebKey.ParseSet(Set(Rsa(small, "weak"), Rsa(rsa, "enc", use: "enc"), new { kty = "oct", k = "AAAA" },
            new { kty = "EC", crv = "P-256", x = "AAAA", y = "AAAA" }, Rsa(rsa, "bound", alg: "PS256")));
        var bound = Assert.Single(keys);
        Assert.Equal("bound", bound.KeyId);
        Assert.True(bound.Fits("PS256"));
        Assert.False(bound.Fits("RS256"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"keys":{}}""")]
    public void Garbage_sets_have_no_keys(string json) => Assert.Empty(ClientJsonWebKey.ParseSet(json));
}
