using Latchkey.Protocol.Primitives;

namespace Latchkey.Protocol.Endpoints.Token.Steps;

/// <summary>Finds the handler for grant_type among the registered ones (RFC 6749 §5.2 unsupported_grant_type).</summary>
public sealed class GrantHandlers
{
    private readonly Dictionary<string, IGrantHandler> _byType = new(StringComparer.Ordinal);

    /// <summary>The last handler registered for a grant type wins, so a deployment can replace a built-in one.</summary>
    public GrantHandlers(IEnumerable<IGrantHandler> handlers)
    {
        foreach (var handler in handlers) _byType[handler.GrantType] = handler;
    }

    public IEnumerable<string> GrantTypes => _byType.Keys;

    public Result<IGrantHandler> Resolve(string? grantType)
    {
        if (grantType is null) return OAuthErrors.InvalidRequest("grant_type is required.");
        return _byType.TryGetValue(grantType, out var handler)
            ? Result<IGrantHandler>.Ok(handler)
            : OAuthErrors.UnsupportedGrantType($"grant_type '{grantType}' is not supported.");
    }
}
