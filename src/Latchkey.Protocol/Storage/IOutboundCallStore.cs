namespace Latchkey.Protocol.Storage;

/// <summary>
/// A call Latchkey owes a client (a logout token, a CIBA ping), kept until it is delivered or given up, so it
/// survives a restart and any node can make it. The request body and bearer token are in
/// <see cref="ProtectedPayload"/>, encrypted by the key protector: they carry tokens.
/// </summary>
public sealed record OutboundCall(string Id, string Kind, string ClientId, string Uri, byte[] ProtectedPayload, int Attempts,
    DateTimeOffset NextAttemptAt);

/// <summary>
/// The outbox of calls to clients. Claiming is a conditional update with a lease, so of several nodes one makes
/// each attempt; a node that stops mid-call leaves a lease that simply runs out.
/// </summary>
public interface IOutboundCallStore
{
    ValueTask AddAsync(OutboundCall call, CancellationToken ct);

    /// <summary>Due calls (next attempt reached, no live lease) that this call leased until now + <paramref name="lease"/>.</summary>
    ValueTask<IReadOnlyList<OutboundCall>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken ct);

    /// <summary>Delivered or given up: gone.</summary>
    ValueTask RemoveAsync(string id, CancellationToken ct);

    /// <summary>Failed: counted, released, and due again at <paramref name="nextAttemptAt"/>.</summary>
    ValueTask RescheduleAsync(string id, int attempts, DateTimeOffset nextAttemptAt, CancellationToken ct);
}
