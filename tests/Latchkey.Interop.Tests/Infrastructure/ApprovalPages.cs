using System.Net;
using System.Text.RegularExpressions;
using Latchkey.Server.Tests.Infrastructure;

namespace Latchkey.Interop.Tests.Infrastructure;

/// <summary>
/// The person on the other device of a decoupled flow (RFC 8628, CIBA): signs in at Latchkey's real pages over
/// HTTP and approves, as a browser would post them. The pages themselves are driven in Chromium by the server suite.
/// </summary>
public static partial class ApprovalPages
{
    /// <summary>Opens verification_uri_complete, signs in, confirms the prefilled code and approves.</summary>
    public static async Task ApproveDeviceAsync(LatchkeyServer server, string verificationUriComplete, string username, string userCode)
    {
        using var person = server.NewClient();
        var device = new Uri(verificationUriComplete).PathAndQuery;
        var login = (await person.GetAsync(device)).Headers.Location!.OriginalString;
        var back = (await person.SubmitLoginAsync(login, username, TestRealm.Password)).Headers.Location!.OriginalString;
        var entry = await (await person.GetAsync(back)).Content.ReadAsStringAsync();
        var confirm = await (await person.Http.PostAsync("/realms/test/device", OAuthTestClient.Form(entry, ("user_code", userCode)))).Content.ReadAsStringAsync();
        var done = await person.Http.PostAsync("/realms/test/device", OAuthTestClient.Form(confirm, ("decision", "approve")));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
    }

    /// <summary>Opens the CIBA approval page, signs in, and approves the request showing <paramref name="bindingMessage"/>.</summary>
    public static async Task ApproveCibaAsync(LatchkeyServer server, string username, string bindingMessage)
    {
        using var person = server.NewClient();
        var login = (await person.GetAsync("/realms/test/ciba")).Headers.Location!.OriginalString;
        var back = (await person.SubmitLoginAsync(login, username, TestRealm.Password)).Headers.Location!.OriginalString;
        var page = await (await person.GetAsync(back)).Content.ReadAsStringAsync();
        var id = RequestItem().Matches(page).Single(m => m.Value.Contains($">{bindingMessage}<")).Groups["id"].Value;
        var done = await person.Http.PostAsync("/realms/test/ciba", OAuthTestClient.Form(page, ("request", id), ("decision", "approve")));
        Assert.Equal("/realms/test/ciba?done=approved", done.Headers.Location!.OriginalString);
    }

    [GeneratedRegex("""<li class="request".*?name="request" value="(?<id>[^"]+)".*?</li>""", RegexOptions.Singleline)]
    private static partial Regex RequestItem();
}
