namespace Latchkey.Protocol.Primitives;

/// <summary>Either a value or a protocol error. Errors are values; exceptions are bugs.</summary>
public readonly struct Result<T>
{
    private Result(T? value, OAuthError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }
    public OAuthError? Error { get; }
    public bool Succeeded => Error is null;

    public static Result<T> Ok(T value) => new(value, null);
    public static Result<T> Fail(OAuthError error) => new(default, error);

    public static implicit operator Result<T>(T value) => Ok(value);
    public static implicit operator Result<T>(OAuthError error) => Fail(error);
}
