using Latchkey.Protocol.Realms;

namespace Latchkey.Protocol.Tokens;

/// <summary>The realm being served and the issuer identifier it answers as (OIDC Discovery §3).</summary>
public sealed record IssuerContext(Realm Realm, string Issuer)
{
    public string RealmName => Realm.Name;
}
