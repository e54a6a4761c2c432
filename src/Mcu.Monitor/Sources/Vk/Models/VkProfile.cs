namespace Mcu.Monitor.Sources.Vk.Models;

/// <summary>A user of an extended response; a deleted one carries <c>deactivated</c>.</summary>
internal sealed class VkProfile
{
    public long Id { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? Deactivated { get; set; }
}
