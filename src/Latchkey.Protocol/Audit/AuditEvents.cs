namespace Latchkey.Protocol.Audit;

/// <summary>The stable event names; operators alert on them, so a name is never changed, only added.</summary>
public static class AuditEvents
{
    public const string LoginSucceeded = "login.succeeded";
    public const string LoginFailed = "login.failed";
    /// <summary>A sign-in refused without checking the password because the user or address is locked out.</summary>
    public const string LoginLockedOut = "login.locked_out";
    public const string ConsentGranted = "consent.granted";
    public const string ConsentDenied = "consent.denied";
    /// <summary>The user removed a client's access on the account page; its tokens were revoked.</summary>
    public const string ConsentRevoked = "consent.revoked";
    public const string TokenIssued = "token.issued";
    public const string TokenFailed = "token.failed";
    /// <summary>A code or rotated refresh token presented again: the whole grant was revoked (RFC 9700 §4.14.2, RFC 6749 §4.1.2).</summary>
    public const string ReuseDetected = "grant.reuse_detected";
    public const string TokenRevoked = "token.revoked";
    public const string RealmSaved = "admin.realm_saved";
    public const string ScopeSaved = "admin.scope_saved";
    public const string ClientSaved = "admin.client_saved";
    public const string ClientSecretRotated = "admin.client_secret_rotated";
    public const string UserSaved = "admin.user_saved";
    public const string PasswordSet = "admin.password_set";
    /// <summary>An operator's `keys rotate`: a new signing key, now or after the propagation time.</summary>
    public const string KeyRotated = "admin.key_rotated";
    /// <summary>An operator's `keys retire`: a key withdrawn from JWKS at once.</summary>
    public const string KeyRetired = "admin.key_retired";
    /// <summary>The schedule created a signing key's successor (automatic rotation).</summary>
    public const string KeyScheduled = "key.successor_scheduled";
}
