namespace Mcu.Monitor.Sources.Vk.Models;

/// <summary><c>wall.getComments</c> response; <c>current_level_count</c> counts only this level and can differ from <c>count</c>.</summary>
internal sealed class VkCommentsPage
{
    public long? Count { get; set; }

    public long? CurrentLevelCount { get; set; }

    public List<VkComment?>? Items { get; set; }

    public List<VkProfile?>? Profiles { get; set; }

    public List<VkGroup?>? Groups { get; set; }
}
