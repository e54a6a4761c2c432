using System.Text.Json.Serialization;

namespace Mcu.Monitor.Sources.Vk.Models;

/// <summary><c>wall_wall_comment</c> (§1.6). A deleted comment has <c>deleted: true</c> and no author or text.</summary>
internal sealed class VkComment
{
    public long Id { get; set; }

    public long? FromId { get; set; }

    public long Date { get; set; }

    public string? Text { get; set; }

    public long? PostId { get; set; }

    public long? OwnerId { get; set; }

    public long? ReplyToComment { get; set; }

    public List<long>? ParentsStack { get; set; }

    [JsonConverter(typeof(VkFlexibleBoolConverter))]
    public bool? Deleted { get; set; }

    public List<VkAttachment?>? Attachments { get; set; }

    public VkCounter? Likes { get; set; }

    public VkCommentThread? Thread { get; set; }
}
