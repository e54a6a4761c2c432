using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mcu.Monitor.Sources.Ok.Models;

/// <summary>A comment of a discussion [unverified field names]; unknown fields are ignored.</summary>
internal sealed class OkComment
{
    [JsonConverter(typeof(OkIdConverter))]
    public string? Id { get; set; }

    [JsonConverter(typeof(OkIdConverter))]
    public string? AuthorId { get; set; }

    public string? AuthorName { get; set; }

    /// <summary>
    /// When it was written: a <c>yyyy-MM-dd HH:mm:ss</c> string in Moscow time, an ISO 8601 string or a Unix
    /// time number; kept raw and read by the mapper, because the live format is not confirmed.
    /// </summary>
    public JsonElement? Date { get; set; }

    public long? DateMs { get; set; }

    public string? Text { get; set; }

    public long? LikeCount { get; set; }

    /// <summary>Set on removed comments (returned with <c>includeRemoved</c>); such comments are skipped.</summary>
    public bool? Deleted { get; set; }
}
