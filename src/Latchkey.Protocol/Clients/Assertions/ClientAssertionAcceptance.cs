using Latchkey.Protocol.Storage;

namespace Latchkey.Protocol.Clients.Assertions;

/// <summary>
/// What both JWT methods do once the signature holds: check the claims (RFC 7523 §3), then use the jti up
/// (item 7), last, so an assertion that fails any other check does not burn its jti.
/// </summary>
public sealed class ClientAssertionAcceptance(IClientAssertionReplayStore replays, TimeProvider clock)
{
    public async ValueTask<string?> AcceptAsync(Client client, ClientAssertion assertion, ClientAuthenticationContext context, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (ClientAssertionClaims.Check(assertion, client.ClientId, context.Audiences, now) is { } failed) return failed;
        var fresh = await replays.TryUseAsync(client.Realm, client.ClientId, ClientAssertionClaims.Jti(assertion)!,
            ClientAssertionClaims.RememberUntil(assertion), now, ct);
        return fresh ? null : "jti was already used";
    }
}
