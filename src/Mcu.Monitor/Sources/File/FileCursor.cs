using System.Globalization;

namespace Mcu.Monitor.Sources.File;

/// <summary>Where a file source stopped: the byte offset after the last committed line and its line number.</summary>
internal readonly record struct FileCursor(long Offset, long Line)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Offset}:{Line}");

    public static FileCursor Parse(string? value)
    {
        var parts = value?.Split(':');
        return parts is { Length: 2 }
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var line)
            ? new FileCursor(offset, line)
            : default;
    }
}
