namespace Latchkey.Protocol.Clients;

/// <summary>Exact string matching (RFC 9700 §4.1.3), with the loopback port exception of RFC 8252 §7.3.</summary>
public static class RedirectUriMatcher
{
    public static bool IsRegistered(Client client, string redirectUri) =>
        client.RedirectUris.Any(registered => Matches(registered, redirectUri));

    public static bool Matches(string registered, string requested)
    {
        if (string.Equals(registered, requested, StringComparison.Ordinal)) return true;
        // RFC 8252 §7.3: native apps listen on an ephemeral loopback port, so the port is ignored
        // for http loopback IP literals; everything else must still match exactly.
        if (!Uri.TryCreate(registered, UriKind.Absolute, out var r) || !Uri.TryCreate(requested, UriKind.Absolute, out var q))
            return false;
        return IsLoopbackLiteral(r) && IsLoopbackLiteral(q)
            && r.Scheme == Uri.UriSchemeHttp && q.Scheme == Uri.UriSchemeHttp
            && string.Equals(r.Host, q.Host, StringComparison.OrdinalIgnoreCase)
            && string.Equals(r.PathAndQuery, q.PathAndQuery, StringComparison.Ordinal)
            && q.Fragment.Length == 0 && string.IsNullOrEmpty(q.UserInfo);
    }

    private static bool IsLoopbackLiteral(Uri uri) => uri.HostNameType switch
    {
        UriHostNameType.IPv4 => uri.Host == "127.0.0.1",
        UriHostNameType.IPv6 => uri.Host == "[::1]",
        _ => false,
    };
}
