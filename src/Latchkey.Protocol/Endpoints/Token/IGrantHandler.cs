using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Tokens;

namespace Latchkey.Protocol.Endpoints.Token;

/// <summary>One grant type. A handler decides; it never mints tokens or writes HTTP.</summary>
public interface IGrantHandler
{
    string GrantType { get; }

    /// <summary>Allow-list of parameters; every other parameter is stripped before the handler runs.</summary>
    IReadOnlySet<string> Parameters { get; }

    bool AllowsPublicClients { get; }

    /// <summary>The capability switch a client needs for this grant (unauthorized_client otherwise).</summary>
    Clients.ClientCapabilities RequiredCapability { get; }

    ValueTask<Result<TokenGrant>> HandleAsync(TokenRequestContext context, CancellationToken ct);
}
