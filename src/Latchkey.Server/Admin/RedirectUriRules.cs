namespace Latchkey.Server.Admin;

/// <summary>
/// What a registered redirect URI may be: absolute, no fragment (RFC 6749 §3.1.2); https, or http only
/// on loopback (RFC 9700 §2.1, RFC 8252 §7.3); or a private-use scheme of a native app (RFC 8252 §7.1).
/// </summary>
public static class RedirectUriRules
{
    public static void Check(IEnumerable<string> uris)
    {
        foreach (var uri in uris)
        {
            if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed))
                throw new AdminException($"Redirect URI '{uri}' is not an absolute URI.");
            if (parsed.Fragment.Length > 0 || uri.Contains('#'))
                throw new AdminException($"Redirect URI '{uri}' must not contain a fragment.");
            if (parsed.Scheme == Uri.UriSchemeHttp && !parsed.IsLoopback)
                throw new AdminException($"Redirect URI '{uri}' must use https (http is allowed only on loopback).");
            if (parsed.Scheme is "javascript" or "data" or "file")
                throw new AdminException($"Redirect URI '{uri}' uses a forbidden scheme.");
        }
    }
}
