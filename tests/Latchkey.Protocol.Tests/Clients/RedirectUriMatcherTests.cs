using Latchkey.Protocol.Clients;

namespace Latchkey.Protocol.Tests.Clients;

public sealed class RedirectUriMatcherTests
{
    [Theory]
    [InlineData("https://app.example/cb", "https://app.example/cb", true)]
    [InlineData("https://app.example/cb", "https://app.example/cb/", false)]
    [InlineData("https://app.example/cb", "https://APP.example/cb", false)]
    [InlineData("https://app.example/cb", "https://app.example/cb?x=1", false)]
    [InlineData("https://app.example:443/cb", "https://app.example:8443/cb", false)]
    [InlineData("http://127.0.0.1/callback", "http://127.0.0.1:49152/callback", true)]
    [InlineData("http://127.0.0.1:8080/callback", "http://127.0.0.1:49152/callback", true)]
    [InlineData("http://[::1]/callback", "http://[::1]:5000/callback", true)]
    [InlineData("http://127.0.0.1/callback", "http://127.0.0.1:49152/other", false)]
    [InlineData("http://127.0.0.1/callback", "http://127.0.0.2:49152/callback", false)]
    [InlineData("http://localhost/callback", "http://localhost:49152/callback", false)]
    [InlineData("http://127.0.0.1/callback", "https://127.0.0.1:49152/callback", false)]
    public void Exact_match_except_the_loopback_port_of_rfc8252(string registered, string requested, bool matches) =>
        Assert.Equal(matches, RedirectUriMatcher.Matches(registered, requested));
}
