namespace Latchkey.Protocol.Endpoints.BackchannelAuthentication;

/// <summary>Sends ping notifications in the background, so the user's decision never waits on a client (host-supplied).</summary>
public interface ICibaPingSender
{
    void Enqueue(CibaPing ping);
}
