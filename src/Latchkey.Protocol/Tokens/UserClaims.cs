using System.Text.Json;
using Latchkey.Protocol.Primitives;
using Latchkey.Protocol.Users;

namespace Latchkey.Protocol.Tokens;

/// <summary>The user's claims released for a set of scopes (OIDC Core §5.4).</summary>
public static class UserClaims
{
    public static void Write(Utf8JsonWriter writer, User user, IReadOnlyList<string> scopes)
    {
        if (scopes.Contains(StandardScopes.Profile))
        {
            WriteIfSet(writer, ClaimNames.Name, user.Name);
            WriteIfSet(writer, ClaimNames.GivenName, user.GivenName);
            WriteIfSet(writer, ClaimNames.FamilyName, user.FamilyName);
            writer.WriteString(ClaimNames.PreferredUsername, user.Username);
        }
        if (scopes.Contains(StandardScopes.Email) && user.Email is not null)
        {
            writer.WriteString(ClaimNames.Email, user.Email);
            writer.WriteBoolean(ClaimNames.EmailVerified, user.EmailVerified);
        }
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null) writer.WriteString(name, value);
    }
}
