using Latchkey.Protocol.Audit;
using Latchkey.Protocol.Endpoints.Token.Steps;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Tokens;

namespace Latchkey.Protocol.Endpoints.Token;

/// <summary>
/// RFC 6749 §3.2. The whole pipeline, top to bottom; the host has already required POST and
/// parsed the form, and writes the result.
/// </summary>
public sealed class TokenEndpoint(ClientAuthentication authenticateClient, GrantHandlers grantHandlers, TokenService tokens, TimeProvider clock,
    IAuditSink audit)
{
    public async ValueTask<Result<TokenResponse>> HandleAsync(IssuerContext issuer, OAuthRequest request, CancellationToken ct)
    {
        var result = await PipelineAsync(issuer, request, ct);
        if (!result.Succeeded && TokenAudit.IsWorthRecording(result.Error!)) audit.Record(TokenAudit.Failed(issuer, request, result.Error!));
        return result;
    }

    private async ValueTask<Result<TokenResponse>> PipelineAsync(IssuerContext issuer, OAuthRequest request, CancellationToken ct)
    {
        if (RejectMalformedParameters.Check(request) is { } malformed) return malformed;

        var client = await authenticateClient.AuthenticateAsync(issuer, EndpointPaths.Token, request, ct);
        if (!client.Succeeded) return client.Error!;

        var handler = grantHandlers.Resolve(request[Parameters.GrantType]);
        if (!handler.Succeeded) return handler.Error!;

        var allowed = StripForeignParameters.Apply(request, handler.Value!);
        if (CheckClientMayUseGrant.Check(client.Value!, handler.Value!) is { } refused) return refused;

        var grant = await handler.Value!.HandleAsync(new TokenRequestContext(issuer, client.Value!, allowed, clock.GetUtcNow()) { Audit = audit }, ct);
        if (!grant.Succeeded) return grant.Error!;
        audit.Record(TokenAudit.Issued(issuer, request, grant.Value!));

        return await tokens.MintAsync(issuer, grant.Value!, ct);
    }
}
