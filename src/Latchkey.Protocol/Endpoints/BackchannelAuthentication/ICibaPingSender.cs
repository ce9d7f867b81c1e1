namespace Latchkey.Protocol.Endpoints.BackchannelAuthentication;

/// <summary>Sends ping notifications in the background, so the user's decision never waits on a client (host-supplied).</summary>
public interface ICibaPingSender
{
    /// <summary>Returns once the ping is kept (it is sent later, and retried, by whichever node gets to it).</summary>
    ValueTask EnqueueAsync(CibaPing ping, CancellationToken ct);
}
