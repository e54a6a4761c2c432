using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Sources.Vk;

/// <summary>
/// The cursors of the VK sources as compact JSON maps with sorted keys (so equal states give equal strings):
/// walls <c>{"-123":{"I":4567,"D":…}}</c> (<see cref="VkWallCursorEntry"/>; the older <c>{"-123":4567}</c>, owner →
/// last post id, is still read), comments <c>{"-123_4567":{"D":…,"N":…,"C":…,"F":…}}</c>, search
/// <c>{"query":{"D":…}}</c>. An unreadable cursor is logged and read as none.
/// </summary>
internal static class VkCursors
{
    public static SortedDictionary<string, T> Read<T>(string? cursor, string sourceId, ILogger logger)
    {
        if (string.IsNullOrWhiteSpace(cursor))
        {
            return new(StringComparer.Ordinal);
        }

        try
        {
            var map = JsonSerializer.Deserialize<Dictionary<string, T>>(cursor);
            if (map is not null && map.Values.All(v => v is not null))
            {
                return new(map, StringComparer.Ordinal);
            }
        }
        catch (JsonException)
        {
            // reported below
        }

        VkLog.CursorUnreadable(logger, sourceId);
        return new(StringComparer.Ordinal);
    }

    /// <summary>The walls cursor; a bare number (the id-only cursor of earlier versions) reads as <c>{I: n, D: 0}</c>.</summary>
    public static SortedDictionary<string, VkWallCursorEntry> ReadWalls(string? cursor, string sourceId, ILogger logger)
    {
        var raw = Read<JsonElement>(cursor, sourceId, logger);
        var walls = new SortedDictionary<string, VkWallCursorEntry>(StringComparer.Ordinal);
        try
        {
            foreach (var (key, value) in raw)
            {
                var entry = value.ValueKind == JsonValueKind.Number
                    ? new VkWallCursorEntry(value.GetInt64(), 0)
                    : value.Deserialize<VkWallCursorEntry>();
                if (entry is null)
                {
                    throw new JsonException("null entry");
                }

                walls[key] = entry;
            }
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            VkLog.CursorUnreadable(logger, sourceId);
            return new(StringComparer.Ordinal);
        }

        return walls;
    }

    public static string Write<T>(SortedDictionary<string, T> map) => JsonSerializer.Serialize(map);
}
