namespace Latchkey.Protocol.Sessions;

/// <summary>
/// The authorization server's own login session. <see cref="Id"/> is the secret the cookie carries;
/// <see cref="Sid"/> is the public session id tokens carry (OIDC Core §2 sid, Back-Channel Logout §2.4):
/// its SHA-256, so knowing a token's sid never lets anyone present the session cookie.
/// </summary>
public sealed record LoginSession(
    string Id,
    string Realm,
    string UserId,
    DateTimeOffset AuthTime,
    IReadOnlyList<string> Amr,
    DateTimeOffset ExpiresAt)
{
    public string Sid => Primitives.RandomToken.Hash(Id);
}
