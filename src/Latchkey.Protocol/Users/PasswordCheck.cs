namespace Latchkey.Protocol.Users;

/// <summary>The outcome of a password check: the user, or a message safe to show.</summary>
public sealed record PasswordCheck(User? User, string? Failure, TimeSpan? RetryAfter = null)
{
    public const string InvalidCredentials = "Invalid username or password.";

    public static PasswordCheck Ok(User user) => new(user, null);
    public static PasswordCheck Invalid { get; } = new(null, InvalidCredentials);

    public static PasswordCheck Throttled(TimeSpan wait) =>
        new(null, $"Too many failed sign-in attempts. Try again in {Math.Ceiling(wait.TotalSeconds)} seconds.", wait);
}
