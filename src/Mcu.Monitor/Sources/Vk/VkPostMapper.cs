using System.Globalization;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Sources.Vk.Models;

namespace Mcu.Monitor.Sources.Vk;

/// <summary>
/// VK posts and comments to domain <see cref="Post"/>s. Returns null (with a reason) for what must not be
/// stored: deleted items and items whose identity or date is unusable; never throws on odd values.
/// </summary>
internal sealed class VkPostMapper(string municipality, string sourceId)
{
    /// <summary>Unix seconds that <see cref="DateTimeOffset"/> can represent.</summary>
    private const long MaxUnixSeconds = 253402300799;

    public Post? MapPost(VkPost post, VkAuthors authors, out string? skipReason)
    {
        skipReason = Unusable(post.Id, post.OwnerId, post.Date) ?? (post.IsDeleted == true ? "deleted" : null);
        if (skipReason is not null)
        {
            return null;
        }

        var original = post.CopyHistory?.OfType<VkPost>().FirstOrDefault(p => Unusable(p.Id, p.OwnerId, p.Date) is null);
        var text = post.Text ?? "";
        var attachments = AttachmentTypes(post.Attachments);
        if (original is not null && string.IsNullOrWhiteSpace(text))
        {
            // A repost with nothing of its own says what the original says (PLATFORM-APIS.md §4 case 9).
            text = original.Text ?? "";
            if (attachments.Count == 0)
            {
                attachments = AttachmentTypes(original.Attachments);
            }
        }

        var owner = Id(post.OwnerId);
        var author = post.FromId is { } from and not 0 ? from : post.OwnerId;
        return new Post
        {
            Key = new PostKey(Network.Vk, owner, Id(post.Id)),
            Municipality = municipality,
            SourceId = sourceId,
            Kind = PostKind.Post,
            AuthorId = Id(author),
            AuthorName = authors.NameOf(author),
            PublishedAt = DateTimeOffset.FromUnixTimeSeconds(post.Date),
            Text = text,
            Url = $"https://vk.com/wall{owner}_{Id(post.Id)}",
            Engagement = new Engagement(Count(post.Likes), Count(post.Comments), Count(post.Reposts), Count(post.Views)),
            RepostOf = original is null ? null : new PostKey(Network.Vk, Id(original.OwnerId), Id(original.Id)),
            Attachments = attachments,
        };
    }

    /// <summary>A comment of the wall post <paramref name="postId"/>; thread replies keep the wall post as their parent.</summary>
    public Post? MapComment(VkComment comment, long ownerId, long postId, long? threadId, VkAuthors authors, out string? skipReason)
    {
        skipReason = Unusable(comment.Id, ownerId, comment.Date) ?? (comment.Deleted == true ? "deleted" : null);
        if (skipReason is not null)
        {
            return null;
        }

        var owner = Id(ownerId);
        var url = threadId is { } thread
            ? $"https://vk.com/wall{owner}_{Id(postId)}?reply={Id(comment.Id)}&thread={Id(thread)}"
            : $"https://vk.com/wall{owner}_{Id(postId)}?reply={Id(comment.Id)}";
        return new Post
        {
            Key = new PostKey(Network.Vk, owner, Id(comment.Id)),
            Municipality = municipality,
            SourceId = sourceId,
            Kind = PostKind.Comment,
            ParentKey = new PostKey(Network.Vk, owner, Id(postId)),
            AuthorId = comment.FromId is { } from and not 0 ? Id(from) : null,
            AuthorName = authors.NameOf(comment.FromId),
            PublishedAt = DateTimeOffset.FromUnixTimeSeconds(comment.Date),
            Text = comment.Text ?? "",
            Url = url,
            Engagement = new Engagement(Count(comment.Likes), 0, 0, 0),
            Attachments = AttachmentTypes(comment.Attachments),
        };
    }

    private static string? Unusable(long id, long ownerId, long date) =>
        id <= 0 ? "no id"
        : ownerId is 0 or long.MinValue ? "no owner id"
        : date is < 0 or > MaxUnixSeconds ? "date out of range"
        : null;

    private static List<string> AttachmentTypes(IEnumerable<VkAttachment?>? attachments) =>
        (attachments ?? []).Select(a => string.IsNullOrWhiteSpace(a?.Type) ? "unknown" : a.Type).ToList();

    private static int Count(VkCounter? counter) => (int)Math.Clamp(counter?.Count ?? 0, 0, int.MaxValue);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
