namespace Latchkey.Protocol.Primitives;

/// <summary>RFC 6749 §3.3: scope is a space-delimited, case-sensitive list whose order does not matter.</summary>
public static class ScopeList
{
    public static IReadOnlyList<string> Parse(string? scope) =>
        string.IsNullOrEmpty(scope)
            ? []
            : scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray();

    public static string Join(IEnumerable<string> scopes) => string.Join(' ', scopes);

    /// <summary>RFC 6749 §3.3 scope-token = 1*( %x21 / %x23-5B / %x5D-7E ).</summary>
    public static bool IsValidToken(string token) =>
        token.Length > 0 && token.All(c => c == 0x21 || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E));
}
