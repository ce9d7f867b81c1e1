namespace ResourceApi;

/// <summary>The "Latchkey" configuration section (appsettings.json, overridable by env, e.g. Latchkey__Audience).</summary>
public sealed record LatchkeyApiSettings(string Authority, string Audience, string RequiredScope, TimeSpan ClockSkew)
{
    /// <summary>This API's client at Latchkey, for introspecting reference tokens; null: JWTs only.</summary>
    public string? IntrospectionClientId { get; init; }
    public string? IntrospectionClientSecret { get; init; }
    /// <summary>How long an active answer may be reused (never past the token's exp): the delay before a revocation bites here.</summary>
    public TimeSpan IntrospectionCacheTtl { get; init; } = TimeSpan.FromSeconds(30);

    public static LatchkeyApiSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Latchkey");
        return new LatchkeyApiSettings(
            Authority: section["Authority"] ?? "http://localhost:5000/realms/demo",
            Audience: section["Audience"] ?? "demo-api",
            RequiredScope: section["RequiredScope"] ?? "api",
            ClockSkew: TimeSpan.FromSeconds(section.GetValue("ClockSkewSeconds", 30)))
        {
            IntrospectionClientId = section["IntrospectionClientId"] is { Length: > 0 } id ? id : null,
            IntrospectionClientSecret = section["IntrospectionClientSecret"],
            IntrospectionCacheTtl = TimeSpan.FromSeconds(section.GetValue("IntrospectionCacheSeconds", 30)),
        };
    }

    /// <summary>
    /// Plain http is tolerated only for a server on this machine (local development and tests):
    /// anywhere else the discovery document and keys must come over TLS or they can be forged in transit.
    /// </summary>
    public bool IsHttpLoopbackAuthority =>
        Uri.TryCreate(Authority, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttp
        && uri.IsLoopback;
}
