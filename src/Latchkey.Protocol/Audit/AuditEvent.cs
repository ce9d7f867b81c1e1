namespace Latchkey.Protocol.Audit;

/// <summary>
/// Something an operator must be able to trace afterwards: who, which client, what happened, how it ended.
/// Only these named fields exist, and none of them may ever hold a secret, password, code or token: identifiers
/// (client_id, subject, grant id) and protocol values (grant type, error code, scopes) only.
/// </summary>
public sealed record AuditEvent(string Name, string Realm)
{
    public string Outcome { get; init; } = AuditOutcomes.Success;
    public string? ClientId { get; init; }
    /// <summary>The user's id (sub), or the client's for a service account.</summary>
    public string? Subject { get; init; }
    /// <summary>Only a username that belongs to a user: a typed name that matches nobody may be a password typed in the wrong field.</summary>
    public string? Username { get; init; }
    public string? GrantType { get; init; }
    /// <summary>Identifies an authorization (all tokens of one consent or login), never a token.</summary>
    public string? GrantId { get; init; }
    public string? Scope { get; init; }
    /// <summary>The OAuth error code of a failure.</summary>
    public string? Error { get; init; }
    public string? Ip { get; init; }
    /// <summary>A signing key's kid, as published in JWKS.</summary>
    public string? KeyId { get; init; }
}
