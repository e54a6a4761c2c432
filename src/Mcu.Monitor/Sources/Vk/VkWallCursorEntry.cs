using System.Text.Json.Serialization;

namespace Mcu.Monitor.Sources.Vk;

/// <summary>
/// The walls cursor of one community.
/// <list type="bullet">
/// <item><c>I</c>: the highest post id yielded (diagnostics; with <c>D</c> = 0, the old id-only cursor, it is where
/// reading stops).</item>
/// <item><c>D</c>: the date (unix seconds) every post up to which has been yielded; the next poll reads every post
/// dated after <c>D − WallOverlap</c>. 0 when unknown (a cursor written before dates were kept).</item>
/// <item>While a capped catch-up is under way (<see cref="VkOptions.MaxPostsPerCommunityPerPoll"/>): <c>R</c>, the
/// wall offset the previous poll read down to, where the next one goes on; <c>G</c>, the date of the oldest post it
/// read (to check the wall did not shift past it); <c>M</c>, the newest date yielded so far, which becomes
/// <c>D</c> when the catch-up reaches <c>D − WallOverlap</c>.</item>
/// </list>
/// </summary>
internal sealed record VkWallCursorEntry(
    long I,
    long D,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? M = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? R = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? G = null);
