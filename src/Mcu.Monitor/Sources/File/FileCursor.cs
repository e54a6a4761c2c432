using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mcu.Monitor.Sources.File;

/// <summary>
/// Where a file source stopped, stored as JSON in the source's cursor:
/// <list type="bullet">
/// <item><c>offset</c> and <c>line</c>: the byte offset after the last committed line and its number;</item>
/// <item><c>head</c>: a hash of the file's first bytes up to the offset (at most 4 KiB), so a file replaced by
/// another one of any length is noticed and read from the start instead of from the middle of a line;</item>
/// <item><c>open</c>: the last line had no line break yet; if one is appended, it is skipped, not read as an empty line;</item>
/// <item><c>shift</c>: the demo timestamp shift in ticks, fixed at the first read so it does not drift between runs.</item>
/// </list>
/// </summary>
internal sealed record FileCursor(
    [property: JsonPropertyName("offset")] long Offset,
    [property: JsonPropertyName("line")] long Line,
    [property: JsonPropertyName("head")] string Head,
    [property: JsonPropertyName("open")] bool Open = false,
    [property: JsonPropertyName("shift")] long ShiftTicks = 0)
{
    public const int HeadBytes = 4096;

    public override string ToString() => JsonSerializer.Serialize(this, FileCursorJsonContext.Default.FileCursor);

    /// <summary>The saved cursor, or null when there is none or it cannot be read (then the file is read from the start).</summary>
    public static FileCursor? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        try
        {
            var cursor = JsonSerializer.Deserialize(value, FileCursorJsonContext.Default.FileCursor);
            return cursor is { Offset: >= 0, Line: >= 0, Head: not null } ? cursor : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Hash of the first <c>min(offset, 4 KiB)</c> bytes: unchanged when a file only grows.</summary>
    public static string HeadOf(string path, long offset)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var buffer = new byte[(int)Math.Min(offset, HeadBytes)];
        stream.ReadExactly(buffer);
        return Convert.ToHexStringLower(SHA256.HashData(buffer))[..16];
    }
}

[JsonSerializable(typeof(FileCursor))]
internal sealed partial class FileCursorJsonContext : JsonSerializerContext;
