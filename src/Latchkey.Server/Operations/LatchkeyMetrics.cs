using System.Diagnostics.Metrics;
using Latchkey.Protocol.Audit;
using Latchkey.Protocol.Endpoints.Token.Steps;

namespace Latchkey.Server.Operations;

/// <summary>
/// The meter "Latchkey": counted from the same audit events the audit log writes, so the two never disagree.
/// Tags stay few-valued: realms and authenticated clients are registered by an operator; a failed request's claimed
/// client_id is left out because anyone can make one up.
/// </summary>
public sealed class LatchkeyMetrics
{
    public const string MeterName = "Latchkey";

    private readonly Counter<long> _tokensIssued;
    private readonly Counter<long> _tokenFailures;
    private readonly Counter<long> _logins;
    private readonly Counter<long> _reuseDetected;
    private readonly Counter<long> _rateLimited;

    /// <summary>Resolved on first use: the grant handlers depend, through the password check, on the audit sink that feeds this.</summary>
    private readonly Lazy<HashSet<string>> _grantTypes;

    public LatchkeyMetrics(IMeterFactory meters, IServiceProvider services)
    {
        _grantTypes = new(() => services.GetRequiredService<GrantHandlers>().GrantTypes.ToHashSet(StringComparer.Ordinal));
        var meter = meters.Create(MeterName);
        _tokensIssued = meter.CreateCounter<long>("latchkey.tokens.issued", description: "Token responses issued, by realm, client and grant type.");
        _tokenFailures = meter.CreateCounter<long>("latchkey.token.failures", description: "Error answers of the token endpoint, by realm, grant type and error code.");
        _logins = meter.CreateCounter<long>("latchkey.logins", description: "Password sign-ins by result: succeeded, failed, locked_out.");
        _reuseDetected = meter.CreateCounter<long>("latchkey.grants.reuse_detected", description: "Codes and refresh tokens presented again; each revoked its grant.");
        _rateLimited = meter.CreateCounter<long>("latchkey.requests.rate_limited", description: "Requests refused with 429.");
    }

    public void Record(AuditEvent e)
    {
        var realm = new KeyValuePair<string, object?>("realm", e.Realm);
        switch (e.Name)
        {
            case AuditEvents.TokenIssued:
                _tokensIssued.Add(1, realm, new("client_id", e.ClientId), new("grant_type", e.GrantType));
                break;
            case AuditEvents.TokenFailed:
                _tokenFailures.Add(1, realm, new("grant_type", KnownGrantType(e.GrantType)), new("error", e.Error));
                break;
            case AuditEvents.LoginSucceeded or AuditEvents.LoginFailed or AuditEvents.LoginLockedOut:
                _logins.Add(1, realm, new("result", e.Name["login.".Length..]));
                break;
            case AuditEvents.ReuseDetected:
                _reuseDetected.Add(1, realm, new("grant_type", e.GrantType));
                break;
        }
    }

    public void RateLimited() => _rateLimited.Add(1);

    /// <summary>A grant_type that names no grant is whatever the caller typed; all of those count as one value.</summary>
    private string? KnownGrantType(string? grantType) =>
        grantType is null || _grantTypes.Value.Contains(grantType) ? grantType : "unsupported";
}
