namespace Latchkey.Protocol.Primitives;

/// <summary>
/// The parameters of one protocol request, whatever carried them (query, form body).
/// Immutable: a step that narrows the parameters returns a new instance.
/// </summary>
public sealed class OAuthRequest
{
    private readonly IReadOnlyDictionary<string, string[]> _parameters;

    public OAuthRequest(IReadOnlyDictionary<string, string[]> parameters, string? authorizationHeader = null, string? remoteAddress = null)
    {
        _parameters = parameters;
        AuthorizationHeader = authorizationHeader;
        RemoteAddress = remoteAddress;
    }

    public static OAuthRequest Empty { get; } = new(new Dictionary<string, string[]>());

    /// <summary>The raw HTTP Authorization header, for client_secret_basic (RFC 6749 §2.3.1).</summary>
    public string? AuthorizationHeader { get; }

    /// <summary>The caller's network address, for throttling password guesses per address.</summary>
    public string? RemoteAddress { get; }

    public IEnumerable<string> Names => _parameters.Keys;

    /// <summary>The single value of a parameter; empty values count as absent (RFC 6749 §3.1).</summary>
    public string? this[string name] =>
        _parameters.TryGetValue(name, out var values) && values.Length > 0 && values[0].Length > 0 ? values[0] : null;

    public bool Has(string name) => this[name] is not null;

    /// <summary>Every non-empty value of a parameter that may repeat (RFC 8707 §2 resource, RFC 8693 §2.1 audience).</summary>
    public IReadOnlyList<string> All(string name) =>
        _parameters.TryGetValue(name, out var values) ? values.Where(v => v.Length > 0).ToArray() : [];

    /// <summary>RFC 6749 §3.1 / §3.2: request and response parameters MUST NOT be included more than once.</summary>
    public string? FirstRepeatedParameter(IReadOnlySet<string>? repeatable = null)
    {
        foreach (var (name, values) in _parameters)
        {
            if (values.Length > 1 && repeatable?.Contains(name) != true) return name;
        }
        return null;
    }

    public string? FirstOversizedParameter(int maxLength, IReadOnlySet<string>? longer = null, int longerMax = 0)
    {
        foreach (var (name, values) in _parameters)
        {
            var limit = longer?.Contains(name) == true ? longerMax : maxLength;
            if (values.Any(v => v.Length > limit)) return name;
        }
        return null;
    }

    public OAuthRequest Only(IReadOnlySet<string> allowed) =>
        new(_parameters.Where(p => allowed.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value), AuthorizationHeader, RemoteAddress);

    public OAuthRequest With(string name, string? value)
    {
        var copy = _parameters.ToDictionary(p => p.Key, p => p.Value);
        if (value is null) copy.Remove(name); else copy[name] = [value];
        return new OAuthRequest(copy, AuthorizationHeader, RemoteAddress);
    }

    public IEnumerable<KeyValuePair<string, string>> Pairs() =>
        _parameters.SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v)));

    public static OAuthRequest FromPairs(IEnumerable<KeyValuePair<string, string>> pairs, string? authorizationHeader = null) =>
        new(pairs.GroupBy(p => p.Key, StringComparer.Ordinal)
                 .ToDictionary(g => g.Key, g => g.Select(p => p.Value).ToArray(), StringComparer.Ordinal),
            authorizationHeader);
}
