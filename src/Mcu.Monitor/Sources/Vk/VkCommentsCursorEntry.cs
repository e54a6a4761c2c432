using System.Text.Json.Serialization;

namespace Mcu.Monitor.Sources.Vk;

/// <summary>
/// The comments cursor of one post: its date <c>D</c> (to forget it after the lookback); <c>N</c>, the comment
/// count at the last complete read (an unchanged count means nothing to read; −1 while a read is unfinished);
/// <c>C</c>, the highest comment id yielded (comment ids only grow); <c>F</c>, when (unix seconds) the post was
/// last read completely, so it is read again after <see cref="VkOptions.CommentsFullRereadInterval"/> even with
/// an unchanged count.
/// </summary>
internal sealed record VkCommentsCursorEntry(
    long D, long N, long C, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? F = null);
