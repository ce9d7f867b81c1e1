using Latchkey.Protocol.Endpoints;
using Latchkey.Protocol.Endpoints.DeviceAuthorization;
using Latchkey.Protocol.Primitives;

namespace Latchkey.Server.Sessions;

/// <summary>
/// The device page sends a signed-out user to the login page with <c>return=device</c> and the code they came
/// with; after the login the browser goes back to the device page. The target is chosen by name and its URL is
/// built here, never read from the request, so the login page can only send the browser to our own pages.
/// </summary>
public static class DeviceReturn
{
    public const string Parameter = "return";
    public const string Value = "device";

    public static bool IsRequested(string? value) => value == Value;

    public static string LoginUrl(string realmPath, string? userCode) =>
        $"{realmPath}{EndpointPaths.Login}?{Parameter}={Value}{CodeParameter(userCode, '&')}";

    public static string DeviceUrl(string realmPath, string? userCode) => $"{realmPath}{EndpointPaths.Device}{CodeParameter(userCode, '?')}";

    /// <summary>What the user had typed (or the link carried) travels along, as long as it could be a code.</summary>
    private static string CodeParameter(string? userCode, char separator) =>
        string.IsNullOrEmpty(userCode) || userCode.Length > UserCode.MaxTypedLength
            ? ""
            : $"{separator}{Parameters.UserCode}={Uri.EscapeDataString(userCode)}";
}
