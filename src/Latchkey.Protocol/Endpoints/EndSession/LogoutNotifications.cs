using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Sessions;
using Latchkey.Protocol.Storage;
using Latchkey.Protocol.Tokens;

namespace Latchkey.Protocol.Endpoints.EndSession;

/// <summary>
/// What must be told to the clients of an ending session: a logout token for each back-channel URI
/// (Back-Channel Logout 1.0 §2.4) and an iframe URL for each front-channel URI (Front-Channel Logout 1.0 §3).
/// </summary>
public sealed class LogoutNotifications(ISessionStore sessions, IClientStore clients, IKeyRing keys, TimeProvider clock)
{
    public const string BackchannelLogoutEvent = "http://schemas.openid.net/event/backchannel-logout";
    public const string LogoutTokenType = "logout+jwt";

    public sealed record BackchannelDelivery(string ClientId, string Uri, string LogoutToken);
    public sealed record Notifications(IReadOnlyList<BackchannelDelivery> Backchannel, IReadOnlyList<string> FrontchannelUrls);

    /// <summary>Call before the session is deleted: its list of clients goes with it.</summary>
    public async ValueTask<Notifications> ForSessionAsync(IssuerContext issuer, LoginSession session, CancellationToken ct)
    {
        var backchannel = new List<BackchannelDelivery>();
        var frontchannel = new List<string>();
        foreach (var clientId in await sessions.ClientsAsync(issuer.RealmName, session.Sid, ct))
        {
            if (await clients.FindAsync(issuer.RealmName, clientId, ct) is not { } client) continue;
            if (client.BackchannelLogoutUri is { } uri)
                backchannel.Add(new BackchannelDelivery(clientId, uri, await LogoutTokenAsync(issuer, client, session, ct)));
            if (client.FrontchannelLogoutUri is { } front)
                frontchannel.Add($"{front}{(front.Contains('?') ? '&' : '?')}iss={Uri.EscapeDataString(issuer.Issuer)}&sid={Uri.EscapeDataString(session.Sid)}");
        }
        return new Notifications(backchannel, frontchannel);
    }

    /// <summary>§2.4: iss, aud, iat, exp, jti, sub, sid and the logout event; never a nonce.</summary>
    private async ValueTask<string> LogoutTokenAsync(IssuerContext issuer, Client client, LoginSession session, CancellationToken ct)
    {
        var key = await keys.SigningKeyAsync(issuer.RealmName, issuer.Realm.SigningAlgorithm, ct);
        var now = clock.GetUtcNow();
        return JwtWriter.Write(key, LogoutTokenType, w =>
        {
            w.WriteString(ClaimNames.Issuer, issuer.Issuer);
            w.WriteString(ClaimNames.Audience, client.ClientId);
            w.WriteNumber(ClaimNames.IssuedAt, now.ToUnixTimeSeconds());
            w.WriteNumber(ClaimNames.Expires, now.AddMinutes(2).ToUnixTimeSeconds());
            w.WriteString(ClaimNames.JwtId, RandomToken.Create(16));
            w.WriteString(ClaimNames.Subject, session.UserId);
            w.WriteString(ClaimNames.SessionId, session.Sid);
            w.WriteStartObject("events");
            w.WriteStartObject(BackchannelLogoutEvent);
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }
}
