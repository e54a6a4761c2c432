namespace Mcu.Monitor.Sources.Vk.Models;

/// <summary>A counter object (<c>likes</c>, <c>comments</c>, <c>reposts</c>, <c>views</c>); only <c>count</c> is read.</summary>
internal sealed class VkCounter
{
    public long? Count { get; set; }
}
