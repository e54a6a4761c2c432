namespace Mcu.Monitor.Sources.Vk;

/// <summary>
/// The comments cursor of one post: its date (to forget it after the lookback), the comment count last seen
/// (an unchanged count means nothing to read) and the highest comment id read (comment ids only grow).
/// </summary>
internal sealed record VkCommentsCursorEntry(long D, long N, long C);
