using System.Text.Json.Serialization;

namespace Mcu.Monitor.Sources.Ok.Models;

/// <summary>A media topic (a group post). Field names as in open-source OK feed models [unverified]; unknown fields are ignored.</summary>
internal sealed class OkMediaTopic
{
    [JsonConverter(typeof(OkIdConverter))]
    public string? Id { get; set; }

    /// <summary>Publication time, Unix milliseconds.</summary>
    public long? CreatedMs { get; set; }

    /// <summary>The body as typed blocks: <c>text</c>, <c>photo</c>, <c>link</c>, <c>poll</c>, <c>movie</c>, …</summary>
    public List<OkMediaBlock?>? Media { get; set; }

    /// <summary>E.g. <c>user:123</c> or <c>group:456</c>.</summary>
    public string? AuthorRef { get; set; }

    public OkCountSummary? LikeSummary { get; set; }

    public OkDiscussionSummary? DiscussionSummary { get; set; }

    public OkCountSummary? ReshareSummary { get; set; }
}
