using Latchkey.Protocol.Storage;
using Latchkey.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Latchkey.Storage.Stores;

/// <summary>
/// Codes and refresh tokens. Each consumption is one conditional UPDATE (… WHERE consumed_at IS NULL):
/// the database, not a lock in one node's memory, decides which of two concurrent callers wins.
/// </summary>
public sealed class EfGrantStore(IDbContextFactory<LatchkeyDbContext> factory) : IGrantStore
{
    public async ValueTask StoreCodeAsync(AuthorizationCodeRecord code, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.AuthorizationCodes.Add(new AuthorizationCodeEntity
        {
            Hash = code.Hash, Realm = code.Realm, ClientId = code.ClientId, UserId = code.UserId, GrantId = code.GrantId,
            Scopes = Lists.Spaces(code.Scopes), RedirectUri = code.RedirectUri, CodeChallenge = code.CodeChallenge,
            CodeChallengeMethod = code.CodeChallengeMethod, Nonce = code.Nonce, AuthTime = code.AuthTime,
            SessionId = code.SessionId, Amr = Lists.Spaces(code.Amr), CreatedAt = code.CreatedAt, ExpiresAt = code.ExpiresAt,
        });
        await db.SaveChangesAsync(ct);
    }

    public async ValueTask<Consumption<AuthorizationCodeRecord>> TryConsumeCodeAsync(string realm, string clientId, string hash, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var codes = db.AuthorizationCodes.Where(c => c.Hash == hash && c.Realm == realm && c.ClientId == clientId);
        var won = await codes.Where(c => c.ConsumedAt == null).ExecuteUpdateAsync(s => s.SetProperty(c => c.ConsumedAt, now), ct) == 1;
        var e = await codes.AsNoTracking().FirstOrDefaultAsync(ct);
        if (e is null) return Consumption<AuthorizationCodeRecord>.NotFound;
        var record = new AuthorizationCodeRecord
        {
            Hash = e.Hash, Realm = e.Realm, ClientId = e.ClientId, UserId = e.UserId, GrantId = e.GrantId,
            Scopes = Lists.FromSpaces(e.Scopes), RedirectUri = e.RedirectUri, CodeChallenge = e.CodeChallenge,
            CodeChallengeMethod = e.CodeChallengeMethod, Nonce = e.Nonce, AuthTime = e.AuthTime, SessionId = e.SessionId,
            Amr = Lists.FromSpaces(e.Amr), CreatedAt = e.CreatedAt, ExpiresAt = e.ExpiresAt,
        };
        return new(won ? ConsumeOutcome.Consumed : ConsumeOutcome.AlreadyConsumed, record);
    }

    public async ValueTask StoreRefreshTokenAsync(RefreshTokenRecord token, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.RefreshTokens.Add(new RefreshTokenEntity
        {
            Hash = token.Hash, Realm = token.Realm, GrantId = token.GrantId, ClientId = token.ClientId, UserId = token.UserId,
            Scopes = Lists.Spaces(token.Scopes), AuthTime = token.AuthTime, SessionId = token.SessionId,
            Amr = Lists.Spaces(token.Amr), CreatedAt = token.CreatedAt, ExpiresAt = token.ExpiresAt,
        });
        await db.SaveChangesAsync(ct);
    }

    public async ValueTask<RefreshRotation> RotateRefreshTokenAsync(RefreshRotationRequest r, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        // The grant check also catches a successor stored while its family was being revoked.
        var tokens = db.RefreshTokens.Where(t => t.Hash == r.Hash && t.Realm == r.Realm && t.ClientId == r.ClientId && t.RevokedAt == null
            && !db.RevokedGrants.Any(g => g.Realm == r.Realm && g.GrantId == t.GrantId));
        // One transaction: the winner's UPDATE holds the row until its successor is stored, so a concurrent replay
        // finds the successor, and a concurrent revocation cannot hide the row from the winner before its read.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var won = await tokens.Where(t => t.ConsumedAt == null && t.ExpiresAt > r.Now).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.ConsumedAt, r.Now).SetProperty(t => t.SuccessorHash, r.SuccessorHash)
            .SetProperty(t => t.ProtectedSuccessor, r.ProtectedSuccessor), ct) == 1;
        var e = await tokens.AsNoTracking().FirstOrDefaultAsync(ct);
        if (e is null) return RefreshRotation.NotFound;
        if (won)
        {
            db.RefreshTokens.Add(new RefreshTokenEntity
            {
                Hash = r.SuccessorHash, Realm = e.Realm, GrantId = e.GrantId, ClientId = e.ClientId, UserId = e.UserId, Scopes = e.Scopes,
                AuthTime = e.AuthTime, SessionId = e.SessionId, Amr = e.Amr, CreatedAt = r.Now, ExpiresAt = e.ExpiresAt,
            });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new(RotationOutcome.Rotated, ToRecord(e));
        }
        if (e.ConsumedAt is null) return new(RotationOutcome.Expired, ToRecord(e));
        var successorActive = await db.RefreshTokens.AnyAsync(t => t.Hash == e.SuccessorHash && t.ConsumedAt == null && t.RevokedAt == null, ct);
        return new(RotationOutcome.AlreadyRotated, ToRecord(e), e.ConsumedAt, e.ProtectedSuccessor, successorActive);
    }

    public async ValueTask<RefreshTokenRecord?> FindActiveRefreshTokenAsync(string realm, string hash, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var e = await db.RefreshTokens.AsNoTracking()
            .Where(t => t.Hash == hash && t.Realm == realm && t.ConsumedAt == null && t.RevokedAt == null && t.ExpiresAt > now
                && !db.RevokedGrants.Any(g => g.Realm == realm && g.GrantId == t.GrantId))
            .FirstOrDefaultAsync(ct);
        return e is null ? null : ToRecord(e);
    }

    private static RefreshTokenRecord ToRecord(RefreshTokenEntity e) => new()
    {
        Hash = e.Hash, Realm = e.Realm, GrantId = e.GrantId, ClientId = e.ClientId, UserId = e.UserId,
        Scopes = Lists.FromSpaces(e.Scopes), AuthTime = e.AuthTime, SessionId = e.SessionId, Amr = Lists.FromSpaces(e.Amr),
        CreatedAt = e.CreatedAt, ExpiresAt = e.ExpiresAt,
    };

    public async ValueTask RevokeGrantAsync(string realm, string grantId, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        // Two nodes detecting the same reuse at once: the second finds the first one's row instead of a duplicate key.
        await using var tx = await StorageProvider.BeginSerializedAsync(db, $"revoked-grant:{realm}:{grantId}", ct);
        if (!await db.RevokedGrants.AnyAsync(g => g.Realm == realm && g.GrantId == grantId, ct))
        {
            db.RevokedGrants.Add(new RevokedGrantEntity { Realm = realm, GrantId = grantId, RevokedAt = now });
            await db.SaveChangesAsync(ct);
        }
        await db.RefreshTokens.Where(t => t.Realm == realm && t.GrantId == grantId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
        await tx.CommitAsync(ct);
    }

    public async ValueTask<bool> IsRevokedAsync(string realm, string? grantId, string jti, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.RevokedGrants.AnyAsync(g => g.Realm == realm && (g.GrantId == jti || g.GrantId == grantId), ct);
    }

    public async ValueTask RevokeClientGrantsAsync(string realm, string userId, string clientId, DateTimeOffset now, CancellationToken ct)
    {
        List<string> grantIds;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            grantIds = await db.AuthorizationCodes.Where(c => c.Realm == realm && c.UserId == userId && c.ClientId == clientId).Select(c => c.GrantId)
                .Union(db.RefreshTokens.Where(t => t.Realm == realm && t.UserId == userId && t.ClientId == clientId).Select(t => t.GrantId))
                .ToListAsync(ct);
        }
        foreach (var grantId in grantIds) await RevokeGrantAsync(realm, grantId, now, ct);
    }

    public async ValueTask<string?> GrantOwnerAsync(string realm, string grantId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.AuthorizationCodes.Where(c => c.Realm == realm && c.GrantId == grantId).Select(c => c.ClientId).FirstOrDefaultAsync(ct)
            ?? await db.RefreshTokens.Where(t => t.Realm == realm && t.GrantId == grantId).Select(t => t.ClientId).FirstOrDefaultAsync(ct)
            ?? await db.DeviceAuthorizations.Where(d => d.Realm == realm && d.GrantId == grantId).Select(d => d.ClientId).FirstOrDefaultAsync(ct);
    }
}
