namespace Mcu.Monitor.Sources.Vk;

/// <summary>
/// How far to read one wall: down to a post id already seen (<paramref name="LastSeenId"/>), or to posts older
/// than a date (<paramref name="NotBefore"/>, unix seconds), or, with neither, one page of
/// <paramref name="FirstCount"/> posts (the first read of a community). At most <paramref name="MaxPosts"/> posts
/// are read; then the read ends <see cref="VkWallRead.Truncated"/>. A catch-up starts at
/// <paramref name="StartOffset"/>; its first page must reach back to <paramref name="ResumeCheckDate"/> (the oldest
/// date the previous poll read), or the wall shifted and the read starts again from the top.
/// </summary>
internal sealed record VkWallPlan(
    VkCommunity Community, long? LastSeenId, long? NotBefore, int FirstCount, int PageSize, int MaxPosts, int StartOffset = 0, long? ResumeCheckDate = null);
