using System.Text.Json;
using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Storage;

namespace Latchkey.Protocol.Tokens;

/// <summary>The only minter: every grant's tokens are signed, hashed and stored here, the same way.</summary>
public sealed class TokenService(IKeyRing keys, IGrantStore grants, IReferenceTokenStore references, TimeProvider clock)
{
    /// <summary>OIDC Core §2: "1" for a password login (ISO/IEC 29115 level 1).</summary>
    public const string PasswordAcr = "1";

    public async ValueTask<TokenResponse> MintAsync(IssuerContext issuer, TokenGrant grant, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // A refresh token needs a family to belong to; its access tokens name the same grant.
        if (grant.IssueRefreshToken && grant.GrantId is null) grant = grant with { GrantId = RandomToken.Create(16) };
        var key = await keys.SigningKeyAsync(issuer.RealmName, issuer.Realm.SigningAlgorithm, ct);
        var accessToken = await AccessTokenAsync(key, issuer, grant, now, ct);
        var expiresIn = (int)(AccessTokenExpiry(grant, now) - now).TotalSeconds;
        var refreshToken = grant.IssueRefreshToken ? grant.RotatedRefreshToken ?? await StoreRefreshTokenAsync(issuer, grant, now, ct) : null;
        var idToken = grant.IssueIdToken ? WriteIdToken(key, issuer.Issuer, grant, now, accessToken, code: null) : null;
        return new TokenResponse(accessToken, TokenTypes.Bearer, expiresIn,
            refreshToken, idToken, ScopeList.Join(grant.Scopes), grant.IssuedTokenType);
    }

    /// <summary>
    /// Implicit and hybrid (OIDC Core §3.2.2.5, §3.3.2.5): tokens returned by /authorize itself. The ID
    /// token carries at_hash for the access token and c_hash for the code issued beside it.
    /// </summary>
    public async ValueTask<(string? AccessToken, string? IdToken)> MintAtAuthorizationAsync(
        IssuerContext issuer, TokenGrant grant, bool accessToken, string? code, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var key = await keys.SigningKeyAsync(issuer.RealmName, issuer.Realm.SigningAlgorithm, ct);
        var access = accessToken ? await AccessTokenAsync(key, issuer, grant, now, ct) : null;
        var id = grant.IssueIdToken ? WriteIdToken(key, issuer.Issuer, grant, now, access, code) : null;
        return (access, id);
    }

    /// <summary>
    /// A JWT (RFC 9068), or for clients that chose reference tokens a random handle whose claims stay
    /// in the store: the resource server must introspect it, and revocation takes effect everywhere at once.
    /// </summary>
    private async ValueTask<string> AccessTokenAsync(SigningKey key, IssuerContext issuer, TokenGrant grant, DateTimeOffset now, CancellationToken ct)
    {
        if (grant.Client.AccessTokenFormat == AccessTokenFormat.Jwt)
            return JwtWriter.Write(key, TokenTypes.AccessTokenJwt, AccessTokenClaims(issuer.Issuer, grant, now));
        var handle = RandomToken.Create();
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        await using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            AccessTokenClaims(issuer.Issuer, grant, now)(w);
            w.WriteEndObject();
        }
        await references.StoreAsync(issuer.RealmName, RandomToken.Hash(handle), System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan),
            AccessTokenExpiry(grant, now), ct);
        return handle;
    }

    /// <summary>RFC 9068 §2.2: iss, exp, aud, sub, client_id, iat, jti, plus scope and auth_time.</summary>
    private static Action<Utf8JsonWriter> AccessTokenClaims(string issuer, TokenGrant grant, DateTimeOffset now) =>
        w =>
        {
            w.WriteString(ClaimNames.Issuer, issuer);
            w.WriteString(ClaimNames.Subject, grant.Subject);
            WriteAudience(w, grant.Audiences.Count > 0 ? grant.Audiences : [grant.Client.ClientId]);
            w.WriteString(ClaimNames.ClientId, grant.Client.ClientId);
            w.WriteNumber(ClaimNames.IssuedAt, now.ToUnixTimeSeconds());
            w.WriteNumber(ClaimNames.Expires, AccessTokenExpiry(grant, now).ToUnixTimeSeconds());
            w.WriteString(ClaimNames.JwtId, AccessTokenId.Create(grant.GrantId));
            if (grant.Scopes.Count > 0) w.WriteString(ClaimNames.Scope, ScopeList.Join(grant.Scopes));
            if (grant.AuthTime is { } authTime) w.WriteNumber(ClaimNames.AuthTime, authTime.ToUnixTimeSeconds());
            if (grant.SessionId is not null) w.WriteString(ClaimNames.SessionId, grant.SessionId);
            if (grant.Actor is not null)
            {
                w.WritePropertyName(ClaimNames.Actor);
                grant.Actor.WriteTo(w);
            }
        };

    /// <summary>OIDC Core §2 and §3.1.3.6. <paramref name="code"/> is set when issued beside a code (c_hash).</summary>
    private static string WriteIdToken(SigningKey key, string issuer, TokenGrant grant, DateTimeOffset now, string? accessToken, string? code) =>
        JwtWriter.Write(key, "JWT", w =>
        {
            w.WriteString(ClaimNames.Issuer, issuer);
            w.WriteString(ClaimNames.Subject, grant.Subject);
            w.WriteString(ClaimNames.Audience, grant.Client.ClientId);
            w.WriteNumber(ClaimNames.IssuedAt, now.ToUnixTimeSeconds());
            w.WriteNumber(ClaimNames.Expires, (now + grant.Client.IdTokenLifetime).ToUnixTimeSeconds());
            if (grant.AuthTime is { } authTime) w.WriteNumber(ClaimNames.AuthTime, authTime.ToUnixTimeSeconds());
            if (grant.Nonce is not null) w.WriteString(ClaimNames.Nonce, grant.Nonce);
            if (accessToken is not null) w.WriteString(ClaimNames.AccessTokenHash, TokenHash.Of(accessToken));
            if (code is not null) w.WriteString(ClaimNames.CodeHash, TokenHash.Of(code));
            w.WriteString(ClaimNames.AuthorizedParty, grant.Client.ClientId);
            if (grant.SessionId is not null) w.WriteString(ClaimNames.SessionId, grant.SessionId);
            if (grant.Amr.Count > 0)
            {
                w.WriteString(ClaimNames.Acr, PasswordAcr);
                w.WriteStartArray(ClaimNames.Amr);
                foreach (var amr in grant.Amr) w.WriteStringValue(amr);
                w.WriteEndArray();
            }
            if (grant.User is not null) UserClaims.Write(w, grant.User, grant.Scopes);
        });

    private async ValueTask<string> StoreRefreshTokenAsync(IssuerContext issuer, TokenGrant grant, DateTimeOffset now, CancellationToken ct)
    {
        var handle = RandomToken.Create();
        await grants.StoreRefreshTokenAsync(new RefreshTokenRecord
        {
            Hash = RandomToken.Hash(handle),
            Realm = issuer.RealmName,
            GrantId = grant.GrantId!,
            ClientId = grant.Client.ClientId,
            UserId = grant.Subject,
            Scopes = grant.RefreshScopes ?? grant.Scopes,
            AuthTime = grant.AuthTime ?? now,
            SessionId = grant.SessionId,
            Amr = grant.Amr,
            CreatedAt = now,
            ExpiresAt = grant.RefreshTokenExpiresAt ?? now + grant.Client.RefreshTokenLifetime,
        }, ct);
        return handle;
    }

    private static DateTimeOffset AccessTokenExpiry(TokenGrant grant, DateTimeOffset now)
    {
        var expiry = now + grant.Client.AccessTokenLifetime;
        return grant.ExpiresAtMost is { } cap && cap < expiry ? cap : expiry;
    }

    private static void WriteAudience(Utf8JsonWriter w, IReadOnlyList<string> audiences)
    {
        if (audiences.Count == 1)
        {
            w.WriteString(ClaimNames.Audience, audiences[0]);
            return;
        }
        w.WriteStartArray(ClaimNames.Audience);
        foreach (var audience in audiences) w.WriteStringValue(audience);
        w.WriteEndArray();
    }
}
