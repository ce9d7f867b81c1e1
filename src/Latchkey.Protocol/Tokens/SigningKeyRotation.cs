using Latchkey.Protocol.Audit;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Storage;

namespace Latchkey.Protocol.Tokens;

/// <summary>
/// The signing-key schedule of a realm: the successor of the signing key is created and published a propagation
/// time before it takes over; the key it replaces stays published for a retention time, so a token signed just
/// before the switch still verifies everywhere (RFC 7517 §5 key sets hold several keys for exactly this).
/// Everything is decided in the store, so several nodes agree without talking.
/// </summary>
public sealed class SigningKeyRotation(ISigningKeyStore store, IKeyProtector protector, KeyRotationSettings settings, TimeProvider clock,
    IAuditSink audit)
{
    public enum KeyState { Next, Signing, Previous, Retired }

    public sealed record KeyStatus(StoredSigningKey Key, KeyState State);

    public KeyRotationSettings Settings => settings;

    /// <summary>Creates a key that signs from <paramref name="activatesAt"/>.</summary>
    public async ValueTask<StoredSigningKey> CreateAsync(string realm, string algorithm, DateTimeOffset activatesAt, CancellationToken ct)
    {
        var stored = New(realm, algorithm, activatesAt);
        await store.AddAsync(stored, ct);
        return stored;
    }

    /// <summary>
    /// Creates a key that signs now, unless one already does: two nodes finding none at the same moment (the first
    /// start, or after an operator retired the signing key) make one between them.
    /// </summary>
    public async ValueTask CreateIfNoneSignsAsync(string realm, string algorithm, CancellationToken ct) =>
        await store.AddFirstAsync(New(realm, algorithm, clock.GetUtcNow()), ct);

    private StoredSigningKey New(string realm, string algorithm, DateTimeOffset activatesAt)
    {
        using var key = SigningKey.Generate(algorithm);
        var now = clock.GetUtcNow();
        return new StoredSigningKey(realm, RandomToken.Create(12), algorithm, protector.Protect(key.ExportPkcs8PrivateKey()), now,
            ActivatesAt: activatesAt > now ? activatesAt : null);
    }

    /// <summary>
    /// Schedules a successor for every signing key that is due (its rotation interval, less the propagation time,
    /// has passed) and has none yet. True when something was scheduled.
    /// </summary>
    public async ValueTask<bool> ScheduleDueAsync(string realm, IReadOnlyList<StoredSigningKey> stored, DateTimeOffset now, CancellationToken ct)
    {
        if (!settings.Automatic) return false;
        var scheduled = false;
        foreach (var current in stored.Where(k => k.RetiredAt is null && k.Lifetime.SignsAt(now)))
        {
            var takeOver = current.Lifetime.ActivatesAt + settings.RotationInterval;
            if (now < takeOver - settings.PropagationTime) continue;
            // A node that was off past the due date still gives relying parties the full propagation time.
            var activatesAt = takeOver > now + settings.PropagationTime ? takeOver : now + settings.PropagationTime;
            if (!await store.SetRetirementAsync(realm, current.KeyId, activatesAt, activatesAt + settings.RetentionTime, onlyIfNotRetired: true, ct))
                continue;
            var successor = await CreateAsync(realm, current.Algorithm, activatesAt, ct);
            audit.Record(new AuditEvent(AuditEvents.KeyScheduled, realm) { KeyId = successor.KeyId });
            scheduled = true;
        }
        return scheduled;
    }

    /// <summary>
    /// An operator's rotation: a new key that signs after the propagation time, or at once (a key thought
    /// compromised). The signing key retires then and stays published for the retention time; a successor that
    /// was waiting is withdrawn (it never signed).
    /// </summary>
    public async ValueTask<StoredSigningKey> RotateAsync(string realm, string algorithm, bool immediately, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var activatesAt = immediately ? now : now + settings.PropagationTime;
        foreach (var key in (await store.ListAsync(realm, ct)).Where(k => k.Algorithm == algorithm))
        {
            if (key.Lifetime.ActivatesAt > now && key.RetiredAt is null)
                await store.SetRetirementAsync(realm, key.KeyId, now, now, onlyIfNotRetired: false, ct);
            else if (key.Lifetime.SignsAt(now))
                await store.SetRetirementAsync(realm, key.KeyId, activatesAt, activatesAt + settings.RetentionTime, onlyIfNotRetired: false, ct);
        }
        var created = await CreateAsync(realm, algorithm, activatesAt, ct);
        audit.Record(new AuditEvent(AuditEvents.KeyRotated, realm) { KeyId = created.KeyId });
        return created;
    }

    /// <summary>Stops a key signing and withdraws it from JWKS now: tokens it signed stop verifying. False for an unknown key.</summary>
    public async ValueTask<bool> RetireAsync(string realm, string keyId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var key = (await store.ListAsync(realm, ct)).FirstOrDefault(k => k.KeyId == keyId);
        if (key is null) return false;
        var retiresAt = key.RetiredAt is { } at && at < now ? at : now;
        var retired = await store.SetRetirementAsync(realm, keyId, retiresAt, now, onlyIfNotRetired: false, ct);
        if (retired) audit.Record(new AuditEvent(AuditEvents.KeyRetired, realm) { KeyId = keyId });
        return retired;
    }

    public async ValueTask<IReadOnlyList<KeyStatus>> ListAsync(string realm, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return (await store.ListAsync(realm, ct))
            .OrderBy(k => k.Lifetime.ActivatesAt)
            .Select(k => new KeyStatus(k, !k.Lifetime.PublishedAt(now) ? KeyState.Retired
                : k.Lifetime.SignsAt(now) ? KeyState.Signing
                : k.Lifetime.ActivatesAt > now ? KeyState.Next
                : KeyState.Previous))
            .ToArray();
    }
}
