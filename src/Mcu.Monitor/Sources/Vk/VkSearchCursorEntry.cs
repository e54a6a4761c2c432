using System.Text.Json.Serialization;

namespace Mcu.Monitor.Sources.Vk;

/// <summary>
/// The search cursor of one query: <c>D</c>, the date (unix seconds) up to which every result was yielded (the
/// next search starts at <c>D − SearchOverlap</c>). While a capped catch-up is under way
/// (<see cref="VkOptions.MaxSearchResultsPerQuery"/>): <c>E</c>, the <c>end_time</c> of the next search (just
/// after the oldest result read so far), and <c>M</c>, the newest date yielded, which becomes <c>D</c> when the
/// catch-up is done. An older cursor's <c>K</c> (keys read at <c>D</c>) is ignored.
/// </summary>
internal sealed record VkSearchCursorEntry(
    long D,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? E = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? M = null);
