namespace Mcu.Monitor.Sources.Ok.Models;

/// <summary>
/// The saved position of one group source: the newest topic read (by time, then id) and the topics whose
/// comments are still followed, each with its comment anchor. Stored as JSON in the source's cursor.
/// </summary>
internal sealed class OkGroupCursor
{
    /// <summary>Format version, so a later change can read or discard old cursors knowingly.</summary>
    public int V { get; set; } = 1;

    /// <summary>created_ms of the newest topic read.</summary>
    public long Ms { get; set; }

    /// <summary>Id of the newest topic read.</summary>
    public string? Id { get; set; }

    public List<OkTrackedTopic> Topics { get; set; } = [];
}
