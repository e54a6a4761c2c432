namespace Mcu.Monitor.Sources.Ok.Models;

/// <summary>A topic whose comments are followed: where its comments were read up to.</summary>
internal sealed class OkTrackedTopic
{
    public string Id { get; set; } = "";

    /// <summary>created_ms of the topic, to drop it from the cursor when it leaves the comment window.</summary>
    public long Ms { get; set; }

    /// <summary>The comment anchor after the last comment read; null: not read yet.</summary>
    public string? Anchor { get; set; }

    /// <summary>The topic's comment count when its comments were last read to the end; -1: unknown.</summary>
    public long Count { get; set; } = -1;

    /// <summary>
    /// When the comments were last read to the end, Unix milliseconds; 0: never (cursors written before this
    /// field). An unchanged <see cref="Count"/> skips the topic only until <see cref="OkOptions.CommentsFullRereadInterval"/> has passed since.
    /// </summary>
    public long ReadMs { get; set; }
}
