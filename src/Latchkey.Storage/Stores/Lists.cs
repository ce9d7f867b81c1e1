namespace Latchkey.Storage.Stores;

/// <summary>How lists are kept in one column: space-separated tokens, or one URI per line.</summary>
internal static class Lists
{
    public static string Spaces(IEnumerable<string> values) => string.Join(' ', values);
    public static string[] FromSpaces(string value) => value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    public static string Lines(IEnumerable<string> values) => string.Join('\n', values);
    public static string[] FromLines(string value) => value.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
