using Latchkey.Protocol.Clients;

namespace Latchkey.Protocol.Storage;

public interface IClientStore
{
    ValueTask<Client?> FindAsync(string realm, string clientId, CancellationToken ct);
}
