namespace Latchkey.Protocol.Storage;

/// <summary>Removes what can no longer be used by anyone: expired codes, requests, tokens, sessions and used assertions.</summary>
public interface IExpiredDataStore
{
    /// <summary>Deletes rows that expired before <paramref name="before"/>; returns how many.</summary>
    ValueTask<int> DeleteExpiredAsync(DateTimeOffset before, CancellationToken ct);
}
