namespace Mcu.Monitor.Sources.Vk.Models;

/// <summary>A community (<c>groups_group_full</c>), from <c>groups.getById</c> or an extended response.</summary>
internal sealed class VkGroup
{
    public long Id { get; set; }

    public string? Name { get; set; }

    public string? ScreenName { get; set; }

    public string? Deactivated { get; set; }
}
