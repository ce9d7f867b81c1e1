using Latchkey.Protocol.Primitives;

namespace Latchkey.Protocol.Tests.Primitives;

public sealed class OAuthRequestTests
{
    [Fact]
    public void Empty_values_count_as_absent_rfc6749_3_1()
    {
        var request = OAuthRequest.FromPairs([new("scope", ""), new("state", "x")]);
        Assert.Null(request["scope"]);
        Assert.Equal("x", request["state"]);
    }

    [Fact]
    public void Repeated_and_oversized_parameters_are_found()
    {
        var request = OAuthRequest.FromPairs([new("code", "a"), new("code", "b"), new("state", new string('s', 3000))]);
        Assert.Equal("code", request.FirstRepeatedParameter());
        Assert.Equal("state", request.FirstOversizedParameter(2048));
    }

    [Fact]
    public void Only_keeps_the_allowed_parameters() =>
        Assert.Equal(["a"], OAuthRequest.FromPairs([new("a", "1"), new("b", "2")]).Only(new HashSet<string> { "a" }).Names);

    [Theory]
    [InlineData("openid profile", 2)]
    [InlineData("  openid   openid ", 1)]
    [InlineData(null, 0)]
    public void Scope_is_a_set_of_space_delimited_tokens(string? scope, int count) => Assert.Equal(count, ScopeList.Parse(scope).Count);

    [Theory]
    [InlineData("read:all", true)]
    [InlineData("a\"b", false)]
    [InlineData("a\\b", false)]
    [InlineData("é", false)]
    public void Scope_token_syntax_rfc6749_3_3(string token, bool valid) => Assert.Equal(valid, ScopeList.IsValidToken(token));
}
