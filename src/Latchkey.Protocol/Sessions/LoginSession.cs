namespace Latchkey.Protocol.Sessions;

/// <summary>The authorization server's own login session (the SSO session whose id is <c>sid</c>).</summary>
public sealed record LoginSession(
    string Id,
    string Realm,
    string UserId,
    DateTimeOffset AuthTime,
    IReadOnlyList<string> Amr,
    DateTimeOffset ExpiresAt);
