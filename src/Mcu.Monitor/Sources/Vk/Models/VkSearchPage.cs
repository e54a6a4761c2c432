namespace Mcu.Monitor.Sources.Vk.Models;

/// <summary><c>newsfeed.search</c> response: newest first; <c>next_from</c> goes back as <c>start_from</c>.</summary>
internal sealed class VkSearchPage
{
    public List<VkPost?>? Items { get; set; }

    public long? Count { get; set; }

    public long? TotalCount { get; set; }

    public string? NextFrom { get; set; }

    public List<VkProfile?>? Profiles { get; set; }

    public List<VkGroup?>? Groups { get; set; }
}
