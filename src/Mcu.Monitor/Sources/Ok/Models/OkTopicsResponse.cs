namespace Mcu.Monitor.Sources.Ok.Models;

/// <summary>
/// A page of <c>mediatopic.getTopics</c>: <c>{media_topics, anchor, has_more}</c>. [unverified] The method is not in
/// the OK documentation; the shape follows open-source clients (PLATFORM-APIS §2.3, §2.4).
/// </summary>
internal sealed class OkTopicsResponse
{
    public List<OkMediaTopic?>? MediaTopics { get; set; }

    public string? Anchor { get; set; }

    public bool? HasMore { get; set; }
}
