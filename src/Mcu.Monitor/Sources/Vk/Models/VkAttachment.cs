namespace Mcu.Monitor.Sources.Vk.Models;

/// <summary>An attachment; only its <c>type</c> is kept, so unknown types and <c>null</c> payloads cost nothing.</summary>
internal sealed class VkAttachment
{
    public string? Type { get; set; }
}
