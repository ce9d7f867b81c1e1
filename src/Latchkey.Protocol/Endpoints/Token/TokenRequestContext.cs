using Latchkey.Protocol.Audit;
using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Tokens;

namespace Latchkey.Protocol.Endpoints.Token;

/// <summary>What a grant handler sees: an authenticated client and only the parameters its grant allows.</summary>
public sealed record TokenRequestContext(IssuerContext Issuer, Client Client, OAuthRequest Request, DateTimeOffset Now)
{
    public IAuditSink Audit { get; init; } = NoAudit.Instance;
}
