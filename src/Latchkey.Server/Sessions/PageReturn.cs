using Latchkey.Protocol.Endpoints;
using Latchkey.Protocol.Endpoints.DeviceAuthorization;
using Latchkey.Protocol.Primitives;

namespace Latchkey.Server.Sessions;

/// <summary>
/// Pages of ours that need a signed-in user (the device page, the CIBA approval page, the account page) send a signed-out user
/// to the login page with <c>return=NAME</c>; after the login the browser goes back there. The target is
/// chosen by name and its URL is built here, never read from the request, so the login page can only
/// send the browser to our own pages.
/// </summary>
public static class PageReturn
{
    public const string Parameter = "return";
    public const string Device = "device";
    public const string Account = "account";
    public const string Ciba = "ciba";

    /// <summary>Where a realm's pages live: /realms/{realm}, the name escaped.</summary>
    public static string RealmPath(string realm) => $"/realms/{Uri.EscapeDataString(realm)}";

    public static bool IsKnown(string? value) => value is Device or Account or Ciba;

    public static string LoginUrl(string realmPath, string target, string? userCode = null) =>
        $"{realmPath}{EndpointPaths.Login}?{Parameter}={target}{CodeParameter(userCode, '&')}";

    public static string TargetUrl(string realmPath, string target, string? userCode) => target switch
    {
        Device => $"{realmPath}{EndpointPaths.Device}{CodeParameter(userCode, '?')}",
        Ciba => $"{realmPath}{EndpointPaths.BackchannelApproval}",
        _ => $"{realmPath}{EndpointPaths.Account}",
    };

    /// <summary>What the user had typed (or the link carried) travels along, as long as it could be a code.</summary>
    private static string CodeParameter(string? userCode, char separator) =>
        string.IsNullOrEmpty(userCode) || userCode.Length > UserCode.MaxTypedLength
            ? ""
            : $"{separator}{Parameters.UserCode}={Uri.EscapeDataString(userCode)}";
}
