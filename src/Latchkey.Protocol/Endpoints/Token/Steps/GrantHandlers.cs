using Latchkey.Protocol.Primitives;

namespace Latchkey.Protocol.Endpoints.Token.Steps;

/// <summary>Finds the handler for grant_type among the registered ones (RFC 6749 §5.2 unsupported_grant_type).</summary>
public sealed class GrantHandlers(IEnumerable<IGrantHandler> handlers)
{
    private readonly Dictionary<string, IGrantHandler> _byType = handlers.ToDictionary(h => h.GrantType, StringComparer.Ordinal);

    public IEnumerable<string> GrantTypes => _byType.Keys;

    public Result<IGrantHandler> Resolve(string? grantType)
    {
        if (grantType is null) return OAuthErrors.InvalidRequest("grant_type is required.");
        return _byType.TryGetValue(grantType, out var handler)
            ? Result<IGrantHandler>.Ok(handler)
            : OAuthErrors.UnsupportedGrantType($"grant_type '{grantType}' is not supported.");
    }
}
