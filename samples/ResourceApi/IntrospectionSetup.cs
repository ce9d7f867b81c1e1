using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ResourceApi;

public static class IntrospectionSetup
{
    /// <summary>The default scheme: JWTs go to the JwtBearer handler, anything else to introspection.</summary>
    public const string Scheme = "LatchkeyBearer";

    /// <summary>
    /// Adds the introspection path beside JwtBearer when the API has introspection credentials
    /// (Latchkey:IntrospectionClientId/Secret); without them every token goes to JwtBearer, as before.
    /// </summary>
    public static AuthenticationBuilder AddLatchkeyIntrospection(this AuthenticationBuilder builder, LatchkeyApiSettings settings)
    {
        if (settings.IntrospectionClientId is null) return builder;
        builder.Services.AddMemoryCache(cache => cache.SizeLimit = IntrospectionCache.MaxEntries);
        builder.Services.AddHttpClient(nameof(IntrospectionClient), c => c.Timeout = TimeSpan.FromSeconds(5));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<IntrospectionClient>();
        builder.Services.AddSingleton<IntrospectionCache>();
        builder.Services.Configure<AuthenticationOptions>(options => options.DefaultScheme = Scheme);
        return builder
            .AddScheme<AuthenticationSchemeOptions, IntrospectionHandler>(IntrospectionHandler.SchemeName, _ => { })
            .AddPolicyScheme(Scheme, "JWT or introspection", options => options.ForwardDefaultSelector = context =>
                BearerToken.From(context.Request) is { } token && !BearerToken.LooksLikeJwt(token)
                    ? IntrospectionHandler.SchemeName
                    : JwtBearerDefaults.AuthenticationScheme);
    }
}
