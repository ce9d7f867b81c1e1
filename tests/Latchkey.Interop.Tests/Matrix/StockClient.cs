namespace Latchkey.Interop.Tests.Matrix;

/// <summary>The libraries under test: written by others, used unmodified, each set up as its own docs say.</summary>
public static class StockClient
{
    public const string IdentityModel = "Duende.IdentityModel 8.1.0";
    public const string OidcClient = "Duende.IdentityModel.OidcClient 7.1.1";
    public const string OpenIdClient = "openid-client 6.8.9 (npm)";
    public const string OAuth4WebApi = "oauth4webapi 3.8.8 (npm)";
}
