using Latchkey.Protocol.Audit;
using Latchkey.Protocol.Endpoints.Token;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Storage;
using Latchkey.Protocol.Users;

namespace Latchkey.Protocol.Grants;

/// <summary>Checks every grant that redeems a stored, single-use handle makes the same way.</summary>
public static class SingleUse
{
    /// <summary>
    /// The record when this call consumed it; invalid_grant otherwise. A second use revokes the whole
    /// grant: a code used twice (RFC 6749 §4.1.2) or a rotated refresh token presented again
    /// (RFC 9700 §4.14.2) means one of the two callers is an attacker.
    /// </summary>
    public static async ValueTask<Result<T>> RedeemedAsync<T>(Consumption<T> consumed, Func<T, string> grantIdOf, IGrantStore grants,
        TokenRequestContext context, string what, CancellationToken ct) where T : class
    {
        switch (consumed.Outcome)
        {
            case ConsumeOutcome.Consumed:
                return consumed.Record!;
            case ConsumeOutcome.AlreadyConsumed:
                var grantId = grantIdOf(consumed.Record!);
                await grants.RevokeGrantAsync(context.Issuer.RealmName, grantId, context.Now, ct);
                context.Audit.Record(TokenAudit.ReuseDetected(context, grantId));
                return OAuthErrors.InvalidGrant($"The {what} has already been used.");
            default:
                return OAuthErrors.InvalidGrant($"The {what} is invalid.");
        }
    }

    /// <summary>The user a grant was made for, if they still exist and are enabled.</summary>
    public static async ValueTask<Result<User>> ActiveUserAsync(IUserStore users, string realm, string userId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(realm, userId, ct);
        return user is { Enabled: true } ? user : OAuthErrors.InvalidGrant("The user is no longer active.");
    }
}
