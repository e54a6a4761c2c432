using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mcu.Monitor.Sources.File.Models;

/// <summary>One line of a JSONL feed (README, «Feed format»). Unknown fields are ignored.</summary>
internal sealed class FeedRecord
{
    public string? Network { get; set; }

    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? Owner { get; set; }

    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? Id { get; set; }

    public string? Kind { get; set; }

    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? ParentId { get; set; }

    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? Author { get; set; }

    public string? AuthorName { get; set; }

    public string? PublishedAt { get; set; }

    public string? Text { get; set; }

    public string? Url { get; set; }

    public long? Likes { get; set; }

    public long? Comments { get; set; }

    public long? Reposts { get; set; }

    public long? Views { get; set; }

    public string? RepostOf { get; set; }

    public List<string?>? Attachments { get; set; }

    /// <summary>Expected labels in the sample feed, for measuring the classifier; the import ignores them.</summary>
    public JsonElement? Expected { get; set; }
}
