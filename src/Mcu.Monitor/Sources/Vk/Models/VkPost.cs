using System.Text.Json.Serialization;

namespace Mcu.Monitor.Sources.Vk.Models;

/// <summary><c>wall_wallpost_full</c> (PLATFORM-APIS.md §1.5): everything nullable except the identity, unknown fields ignored.</summary>
internal sealed class VkPost
{
    public long Id { get; set; }

    public long OwnerId { get; set; }

    public long? FromId { get; set; }

    public long? SignerId { get; set; }

    public long Date { get; set; }

    public string? Text { get; set; }

    public string? PostType { get; set; }

    [JsonConverter(typeof(VkFlexibleBoolConverter))]
    public bool? IsPinned { get; set; }

    [JsonConverter(typeof(VkFlexibleBoolConverter))]
    public bool? IsDeleted { get; set; }

    [JsonConverter(typeof(VkFlexibleBoolConverter))]
    public bool? MarkedAsAds { get; set; }

    public List<VkAttachment?>? Attachments { get; set; }

    public List<VkPost?>? CopyHistory { get; set; }

    public VkCounter? Comments { get; set; }

    public VkCounter? Likes { get; set; }

    public VkCounter? Reposts { get; set; }

    public VkCounter? Views { get; set; }
}
