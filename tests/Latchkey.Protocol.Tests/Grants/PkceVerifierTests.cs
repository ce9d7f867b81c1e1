using Latchkey.Protocol.Grants.AuthorizationCode;

namespace Latchkey.Protocol.Tests.Grants;

public sealed class PkceVerifierTests
{
    // RFC 7636 Appendix B.
    private const string Verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private const string Challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    [Fact]
    public void Rfc7636_appendix_b_example_matches() => Assert.Null(PkceVerifier.Check(Challenge, "S256", Verifier));

    [Fact]
    public void Plain_compares_the_verifier_itself() => Assert.Null(PkceVerifier.Check(Verifier, "plain", Verifier));

    [Theory]
    [InlineData(Challenge, "S256", null, "required")]
    [InlineData(Challenge, "S256", "short", "malformed")]
    [InlineData(Challenge, "S256", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXX", "does not match")]
    [InlineData(Challenge, "plain", Verifier, "does not match")]
    [InlineData(null, null, Verifier, "without code_challenge")]
    public void Mismatches_are_invalid_grant(string? challenge, string? method, string? verifier, string description)
    {
        var error = PkceVerifier.Check(challenge, method, verifier);
        Assert.Equal("invalid_grant", error?.Code);
        Assert.Contains(description, error!.Description);
    }

    [Theory]
    [InlineData("abc", false)]
    [InlineData("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", true)]
    [InlineData("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjX+", false)]
    [InlineData("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjX~.", true)]
    public void Syntax_is_43_to_128_unreserved_characters(string value, bool ok) => Assert.Equal(ok, PkceVerifier.IsWellFormed(value));

    [Fact]
    public void Longer_than_128_is_malformed() => Assert.False(PkceVerifier.IsWellFormed(new string('a', 129)));
}
