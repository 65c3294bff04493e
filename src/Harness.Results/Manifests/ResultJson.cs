using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harness.Results.Manifests;

/// <summary>The one JSON dialect of the results folder: snake_case keys, enums as snake_case strings, indented,
/// <c>\n</c> line ends, nulls omitted, and a trailing newline.</summary>
public static class ResultJson
{
    /// <summary>The serializer options for manifests and <c>matrix.json</c>.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        NewLine = "\n",
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    /// <summary>Serializes a value with <see cref="Options"/>, ending in a newline.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options) + "\n";

    /// <summary>Reads a JSON file, turning every failure into a one-line <see cref="ResultFormatException"/> naming the file (and the line, where JSON gives one).</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="path">The file.</param>
    /// <returns>The value.</returns>
    public static T Read<T>(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ResultFormatException($"{path}: cannot read ({e.Message})", e);
        }

        try
        {
            return JsonSerializer.Deserialize<T>(bytes, Options) ?? throw new ResultFormatException($"{path}: empty JSON (null)");
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $":{line + 1}" : string.Empty;
            var key = string.IsNullOrEmpty(e.Path) ? string.Empty : $" at {e.Path}";
            throw new ResultFormatException($"{path}{where}: invalid JSON{key}: {FirstLine(e.Message)}", e);
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        var first = end < 0 ? message : message[..end];
        // System.Text.Json appends " Path: $.x | LineNumber: 3 | BytePositionInLine: 4." which the caller already gives.
        var cut = first.IndexOf(" Path: ", StringComparison.Ordinal);
        return cut < 0 ? first : first[..cut];
    }
}
