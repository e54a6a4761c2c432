namespace Mcu.Monitor.Sources.Vk.Models;

/// <summary>The replies under a top-level comment; <c>items</c> may be empty while <c>count</c> is not.</summary>
internal sealed class VkCommentThread
{
    public long? Count { get; set; }

    public List<VkComment?>? Items { get; set; }
}
