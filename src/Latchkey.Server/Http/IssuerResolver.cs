using Latchkey.Protocol.Storage;
using Latchkey.Protocol.Tokens;
using Microsoft.Extensions.Options;

namespace Latchkey.Server.Http;

/// <summary>Maps /realms/{realm} to the realm and its issuer identifier; null for an unknown realm.</summary>
public sealed class IssuerResolver(IRealmStore realms, IOptions<LatchkeyOptions> options)
{
    public async ValueTask<IssuerContext?> ResolveAsync(HttpContext http, string realmName)
    {
        var realm = await realms.FindAsync(realmName, http.RequestAborted);
        return realm is null ? null : new IssuerContext(realm, RealmBase(http, realm.Name));
    }

    public string PublicOrigin(HttpContext http) =>
        string.IsNullOrEmpty(options.Value.PublicUrl)
            ? $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}"
            : options.Value.PublicUrl.TrimEnd('/');

    public string RealmBase(HttpContext http, string realm) => $"{PublicOrigin(http)}/realms/{Uri.EscapeDataString(realm)}";
}
