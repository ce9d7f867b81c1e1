using Latchkey.Protocol.Users;

namespace Latchkey.Protocol.Storage;

public interface IUserStore
{
    ValueTask<User?> FindByIdAsync(string realm, string userId, CancellationToken ct);
    ValueTask<User?> FindByUsernameAsync(string realm, string username, CancellationToken ct);
}
