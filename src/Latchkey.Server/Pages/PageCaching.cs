namespace Latchkey.Server.Pages;

/// <summary>
/// Interaction pages are never cached. The exact values ASP.NET Core's anti-forgery writes for a page with
/// a form, so it has nothing to override (and no warning to log on every page view).
/// </summary>
public static class PageCaching
{
    public static void Forbid(HttpResponse response)
    {
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers.Pragma = "no-cache";
    }
}
