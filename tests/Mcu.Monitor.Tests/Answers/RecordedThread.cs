using System.Globalization;
using System.Text.Json;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Sources.Vk;
using Mcu.Monitor.Sources.Vk.Models;

namespace Mcu.Monitor.Tests.Answers;

/// <summary>
/// A team-written VK thread (<c>TestData/vk/threads</c>) read the way <c>vk:comments</c> reads one: the
/// <c>wall.getComments</c> response through the client's JSON options and models, each comment and thread reply
/// through <see cref="VkPostMapper.MapComment"/>. The complaint post itself is not part of that response, so the
/// test states its author and text.
/// </summary>
public sealed record RecordedThread(Post Complaint, IReadOnlyList<Post> Comments, IReadOnlyList<string> SkipReasons)
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "TestData", "vk", "threads");

    public static RecordedThread Load(string file, long complainantId, string complaintText)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, file)));
        var page = document.RootElement.GetProperty("response").Deserialize<VkCommentsPage>(VkApiClient.Json)
            ?? throw new InvalidOperationException(file + ": no response");
        var authors = VkAuthors.From(page.Profiles, page.Groups);
        var first = (page.Items ?? []).OfType<VkComment>().First(c => c.OwnerId is not null && c.PostId is not null);
        var ownerId = first.OwnerId!.Value;
        var postId = first.PostId!.Value;
        var mapper = new VkPostMapper("alekseevsky", "vk:comments");

        var comments = new List<Post>();
        var skipped = new List<string>();
        void Map(VkComment comment, long? threadId)
        {
            if (mapper.MapComment(comment, ownerId, postId, threadId, authors, out var reason) is { } post)
            {
                comments.Add(post);
            }
            else
            {
                skipped.Add(reason ?? "?");
            }
        }

        foreach (var top in (page.Items ?? []).OfType<VkComment>())
        {
            Map(top, null);
            foreach (var reply in (top.Thread?.Items ?? []).OfType<VkComment>())
            {
                Map(reply, top.Id);
            }
        }

        var owner = ownerId.ToString(CultureInfo.InvariantCulture);
        var item = postId.ToString(CultureInfo.InvariantCulture);
        var complaint = new Post
        {
            Key = new PostKey(Network.Vk, owner, item),
            Municipality = "alekseevsky",
            SourceId = "vk:wall",
            AuthorId = complainantId.ToString(CultureInfo.InvariantCulture),
            AuthorName = authors.NameOf(complainantId),
            PublishedAt = comments.Min(c => c.PublishedAt).AddHours(-1),
            Text = complaintText,
            Url = $"https://vk.com/wall{owner}_{item}",
        };
        return new RecordedThread(complaint, comments, skipped);
    }

    public Post CommentById(string id) => Comments.Single(c => c.Key.Item == id);
}
