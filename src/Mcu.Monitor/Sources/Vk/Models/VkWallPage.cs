namespace Mcu.Monitor.Sources.Vk.Models;

/// <summary><c>wall.get</c> response (extended): <c>count</c> is the wall's total, not the page's.</summary>
internal sealed class VkWallPage
{
    public long? Count { get; set; }

    public List<VkPost?>? Items { get; set; }

    public List<VkProfile?>? Profiles { get; set; }

    public List<VkGroup?>? Groups { get; set; }
}
