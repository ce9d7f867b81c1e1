using System.Buffers.Text;
using System.Text;
using Latchkey.Protocol.Clients.Assertions;
using Latchkey.Protocol.Primitives;

namespace Latchkey.Protocol.Tests.Clients;

/// <summary>RFC 7523 §3 claim rules, apart from signatures and storage.</summary>
public sealed class ClientAssertionClaimsTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
    private static readonly IReadOnlySet<string> Audiences = new HashSet<string> { "https://id.example/realms/r", "https://id.example/realms/r/token" };

    private static ClientAssertion Read(string header, string payload)
    {
        var token = $"{Encode(header)}.{Encode(payload)}.{Encode("sig")}";
        var request = OAuthRequest.FromPairs([new(Parameters.ClientAssertionType, ClientAssertionTypes.JwtBearer), new(Parameters.ClientAssertion, token)]);
        var read = ClientAssertion.From(request)!.Value;
        Assert.True(read.Succeeded, read.Error?.Description);
        return read.Value!;
    }

    private static string Encode(string s) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(s));

    private static string? Check(string claims) => ClientAssertionClaims.Check(Read("""{"alg":"RS256"}""", claims), "svc", Audiences, Now);

    [Fact]
    public void A_valid_assertion_passes_with_aud_as_string_or_array_and_fractional_times()
    {
        Assert.Null(Check("""{"iss":"svc","sub":"svc","aud":"https://id.example/realms/r","exp":1800000060,"jti":"1"}"""));
        Assert.Null(Check("""{"iss":"svc","sub":"svc","aud":["x","https://id.example/realms/r/token"],"exp":1800000060.5,"iat":1800000000,"jti":"2"}"""));
    }

    [Theory]
    [InlineData("""{"iss":"svc","sub":"svc","aud":"x","exp":1800000060,"jti":"1"}""", "aud")]
    [InlineData("""{"iss":"svc","sub":"svc","aud":"https://id.example/realms/r","exp":"1800000060","jti":"1"}""", "exp is missing")]
    [InlineData("""{"iss":"svc","sub":"svc","aud":"https://id.example/realms/r","exp":1799999940,"jti":"1"}""", "expired")]
    [InlineData("""{"iss":"svc","sub":"svc","aud":"https://id.example/realms/r","exp":1800000000,"jti":"1","nbf":1800000061}""", "nbf")]
    [InlineData("""{"iss":"svc","sub":"svc","aud":"https://id.example/realms/r","exp":1800000661,"jti":"1"}""", "too far")]
    [InlineData("""{"iss":"svc","sub":"svc","aud":"https://id.example/realms/r","exp":1800000060,"jti":""}""", "jti")]
    [InlineData("""{"iss":"other","sub":"svc","aud":"https://id.example/realms/r","exp":1800000060,"jti":"1"}""", "iss")]
    public void Each_rule_names_itself_when_it_fails(string claims, string reason) => Assert.Contains(reason, Check(claims));

    [Fact]
    public void The_clock_skew_is_allowed_on_each_side()
    {
        // Passed 59 s ago, and issued 59 s in the future: both inside the 60 s skew.
        Assert.Null(Check("""{"iss":"svc","sub":"svc","aud":"https://id.example/realms/r","exp":1799999941,"iat":1800000059,"jti":"1"}"""));
    }

    [Theory]
    [InlineData("x")]
    [InlineData("a.b.c")]
    [InlineData("e30.e30.c2ln")] // no alg, no sub
    public void Malformed_assertions_are_invalid_client(string token)
    {
        var request = OAuthRequest.FromPairs([new(Parameters.ClientAssertionType, ClientAssertionTypes.JwtBearer), new(Parameters.ClientAssertion, token)]);
        Assert.Equal(ErrorCodes.InvalidClient, ClientAssertion.From(request)!.Value.Error!.Code);
    }

    [Fact]
    public void A_critical_header_is_refused_rfc7515_section4_1_11()
    {
        var token = $"{Encode("""{"alg":"RS256","crit":["x"],"x":1}""")}.{Encode("""{"sub":"svc"}""")}.{Encode("s")}";
        var request = OAuthRequest.FromPairs([new(Parameters.ClientAssertionType, ClientAssertionTypes.JwtBearer), new(Parameters.ClientAssertion, token)]);
        Assert.False(ClientAssertion.From(request)!.Value.Succeeded);
    }
}
