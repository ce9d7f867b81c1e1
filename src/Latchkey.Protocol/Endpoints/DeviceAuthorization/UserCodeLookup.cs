using Latchkey.Protocol.Clients;
using Latchkey.Protocol.Storage;

namespace Latchkey.Protocol.Endpoints.DeviceAuthorization;

public enum UserCodeOutcome
{
    /// <summary>Cannot be a code at all (length, characters): nothing was looked up.</summary>
    Malformed,
    /// <summary>No request in this realm has this code: a typo, or a guess.</summary>
    NotFound,
    Expired,
    /// <summary>Already approved or denied.</summary>
    AlreadyUsed,
    /// <summary>Waiting for this user's decision.</summary>
    Pending,
    /// <summary>This call recorded the user's decision.</summary>
    Decided,
}

/// <summary>What a typed user code refers to; <see cref="Record"/> is set unless nothing was found.</summary>
public sealed record UserCodeLookup(UserCodeOutcome Outcome, DeviceAuthorizationRecord? Record = null, Client? Client = null, string? DisplayCode = null);
