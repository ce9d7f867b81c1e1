namespace ResourceApi;

/// <summary>The "Latchkey" configuration section (appsettings.json, overridable by env, e.g. Latchkey__Audience).</summary>
public sealed record LatchkeyApiSettings(string Authority, string Audience, string RequiredScope, TimeSpan ClockSkew)
{
    public static LatchkeyApiSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Latchkey");
        return new LatchkeyApiSettings(
            Authority: section["Authority"] ?? "http://localhost:5000/realms/demo",
            Audience: section["Audience"] ?? "demo-api",
            RequiredScope: section["RequiredScope"] ?? "api",
            ClockSkew: TimeSpan.FromSeconds(section.GetValue("ClockSkewSeconds", 30)));
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
