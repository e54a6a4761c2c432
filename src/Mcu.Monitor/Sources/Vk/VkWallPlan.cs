namespace Mcu.Monitor.Sources.Vk;

/// <summary>
/// How far to read one wall: down to a post id already seen (<paramref name="LastSeenId"/>), or to posts older
/// than a date (<paramref name="NotBefore"/>, unix seconds), or, with neither, one page of
/// <paramref name="FirstCount"/> posts (the first read of a community).
/// </summary>
internal sealed record VkWallPlan(VkCommunity Community, long? LastSeenId, long? NotBefore, int FirstCount, int PageSize, int MaxPosts);
