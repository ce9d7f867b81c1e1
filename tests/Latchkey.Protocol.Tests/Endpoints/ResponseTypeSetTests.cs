using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Endpoints.Authorize;

namespace Latchkey.Protocol.Tests.Endpoints;

public sealed class ResponseTypeSetTests
{
    [Theory]
    [InlineData("code", "query", ClientCapabilities.StandardFlow)]
    [InlineData("token", "fragment", ClientCapabilities.ImplicitFlow)]
    [InlineData("id_token token", "fragment", ClientCapabilities.ImplicitFlow)]
    [InlineData("token id_token code", "fragment", ClientCapabilities.StandardFlow | ClientCapabilities.ImplicitFlow)]
    public void Order_does_not_matter_and_tokens_default_to_the_fragment(string value, string mode, ClientCapabilities needs)
    {
        var set = ResponseTypeSet.Parse(value)!;
        Assert.Equal(mode, set.DefaultResponseMode);
        Assert.Equal(needs, set.RequiredCapabilities);
    }

    [Theory]
    [InlineData("")]
    [InlineData("none")]
    [InlineData("code foo")]
    [InlineData("CODE")]
    public void Unknown_values_are_refused(string value) => Assert.Null(ResponseTypeSet.Parse(value));
}
