using System.Text;
using System.Text.Json.Nodes;
using Mcu.Monitor.Sources;
using Mcu.Monitor.Sources.File;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mcu.Monitor.Tests.Sources.File;

/// <summary>Builds JSONL feed lines and files for the file source tests.</summary>
internal static class FeedLines
{
    public const string Municipality = "test-mun";

    public static string Record(
        string id,
        string? text = "Нет воды на улице",
        string publishedAt = "2026-11-13T08:40:00+03:00",
        string network = "vk",
        string owner = "-201234567",
        string? kind = null,
        string? parentId = null)
    {
        var record = new JsonObject
        {
            ["network"] = network,
            ["owner"] = owner,
            ["id"] = id,
            ["published_at"] = publishedAt,
        };
        if (text is not null)
        {
            record["text"] = text;
        }

        if (kind is not null)
        {
            record["kind"] = kind;
        }

        if (parentId is not null)
        {
            record["parent_id"] = parentId;
        }

        return record.ToJsonString();
    }

    /// <summary>Writes the lines, each followed by \n, as UTF-8 without a byte order mark.</summary>
    public static string Write(TempDirectory temp, params string[] lines)
    {
        var path = temp.File("feed.jsonl");
        System.IO.File.WriteAllText(path, string.Concat(lines.Select(l => l + "\n")), new UTF8Encoding(false));
        return path;
    }

    public static FileFeedSource Source(string path, TimeProvider? time = null, ILogger? logger = null, Action<FileSourceOptions>? configure = null)
    {
        var options = new FileSourceOptions { Id = "t", Path = path };
        configure?.Invoke(options);
        return new FileFeedSource(options, path, Municipality, time ?? TimeProvider.System, logger ?? NullLogger.Instance);
    }

    public static async Task<List<SourceItem>> ReadAll(FileFeedSource source, string? cursor = null, int? take = null)
    {
        var items = new List<SourceItem>();
        await foreach (var item in source.ReadAsync(cursor, CancellationToken.None))
        {
            items.Add(item);
            if (items.Count == take)
            {
                break;
            }
        }

        return items;
    }
}
