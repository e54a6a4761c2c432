using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Sources.Vk;

/// <summary>
/// The cursors of the VK sources as compact JSON maps with sorted keys (so equal states give equal strings):
/// walls <c>{"-123":4567}</c> (owner → last post id), comments <c>{"-123_4567":{"D":…,"N":…,"C":…}}</c>,
/// search <c>{"query":{"D":…,"K":["-1_2"]}}</c>. An unreadable cursor is logged and read as none.
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

    public static string Write<T>(SortedDictionary<string, T> map) => JsonSerializer.Serialize(map);
}
