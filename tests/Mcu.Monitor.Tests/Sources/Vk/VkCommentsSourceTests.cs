using System.Text.Json.Nodes;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Mcu.Monitor.Tests.Sources.Vk;

public class VkCommentsSourceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private static VkTestHost Host(FakeTimeProvider time) => new(new() { ["Sources:Vk:Communities:0"] = "69459624" }, time);

    [Fact]
    public async Task ReadAsync_ThreadsAndDeletedFixture_FollowsEmptyThreadsAndSkipsDeleted()
    {
        var time = new FakeTimeProvider(Now);
        await using var host = Host(time);
        var date = Now.ToUnixTimeSeconds() - 3600;
        var post = FakeVk.Post(-69459624, 482121, date);
        post["comments"] = new JsonObject { ["count"] = 5 };
        host.Vk.Walls[-69459624] = [post, FakeVk.Post(-69459624, 400000, Now.ToUnixTimeSeconds() - (10 * 86400))];
        var fixture = JsonNode.Parse(VkFixtures.Read("wall.getComments.threads-and-deleted.json"))!;
        host.Vk.Override = r =>
        {
            if (r.Path != "/method/wall.getComments")
            {
                return null;
            }

            if (r.Parameters.TryGetValue("comment_id", out var parent))
            {
                // Replies of each thread (thread.count 1, thread.items empty in the fixture).
                var reply = FakeVk.Comment(long.Parse(parent, System.Globalization.CultureInfo.InvariantCulture) + 1, 1553190000);
                return LoopbackResponse.Json(new JsonObject { ["response"] = new JsonObject { ["count"] = 1, ["items"] = new JsonArray(reply) } }.ToJsonString());
            }

            return r.Parameters["offset"] == "0" ? LoopbackResponse.Json(fixture.ToJsonString())
                : LoopbackResponse.Json("""{"response":{"count":3,"items":[],"current_level_count":6}}""");
        };

        var items = await VkTestHost.ReadAllAsync(host.Source("vk:comments"), null);

        // 3 top-level (one deleted, skipped but still moving the cursor) and 3 replies fetched with comment_id.
        Assert.Equal(["482124", "482125", "482128", "482418", "482419"], items.Where(i => i.Post is not null).Select(i => i.Post!.Key.Item));
        var deleted = Assert.Single(items, i => i.Post is null);
        Assert.Contains("482127", deleted.Cursor, StringComparison.Ordinal);
        var first = items.First(i => i.Post?.Key.Item == "482124").Post!;
        Assert.Equal(PostKind.Comment, first.Kind);
        Assert.Equal(new PostKey(Network.Vk, "-69459624", "482121"), first.ParentKey);
        Assert.Equal("https://vk.com/wall-69459624_482121?reply=482124", first.Url);
        Assert.Equal("Текст 1го комментария", first.Text);
        var reply = items.First(i => i.Post?.Key.Item == "482125").Post!;
        Assert.Equal(new PostKey(Network.Vk, "-69459624", "482121"), reply.ParentKey);
        Assert.Equal("https://vk.com/wall-69459624_482121?reply=482125&thread=482124", reply.Url);
        Assert.Equal(3, host.Server.Requests.Count(r => r.Parameters.ContainsKey("comment_id")));

        // Second poll, count unchanged: no comment requests at all.
        host.Server.Requests.Clear();
        var again = await VkTestHost.ReadAllAsync(host.Source("vk:comments"), items[^1].Cursor);
        Assert.Empty(again);
        Assert.DoesNotContain(host.Server.Requests, r => r.Path == "/method/wall.getComments");
    }

    [Fact]
    public async Task ReadAsync_LikesAndAttachmentsFixture_KeepsBrTextAndPhotoAttachment()
    {
        var time = new FakeTimeProvider(Now);
        await using var host = Host(time);
        var post = FakeVk.Post(-69459624, 10, Now.ToUnixTimeSeconds() - 60);
        post["comments"] = new JsonObject { ["count"] = 2 };
        host.Vk.Walls[-69459624] = [post];
        host.Vk.Override = r => r.Path == "/method/wall.getComments" ? LoopbackResponse.Json(VkFixtures.Read("wall.getComments.likes-and-attachments.json")) : null;

        var comments = (await VkTestHost.ReadAllAsync(host.Source("vk:comments"), null)).Select(i => i.Post!).ToList();

        Assert.Equal(["3809", "3810"], comments.Select(c => c.Key.Item));
        Assert.Contains("<br>", comments[0].Text, StringComparison.Ordinal);
        Assert.Equal(["photo"], comments[1].Attachments);
        Assert.Equal(1, comments[1].Engagement.Likes);
        Assert.Equal("3073863", comments[1].AuthorId);
    }

    [Fact]
    public async Task ReadAsync_Error212_PostKeptItsCommentsSkippedOthersRead()
    {
        var time = new FakeTimeProvider(Now);
        await using var host = Host(time);
        var closed = FakeVk.Post(-69459624, 10, Now.ToUnixTimeSeconds() - 60);
        closed["comments"] = new JsonObject { ["count"] = 4 };
        var open = FakeVk.Post(-69459624, 11, Now.ToUnixTimeSeconds() - 30);
        open["comments"] = new JsonObject { ["count"] = 1 };
        host.Vk.Walls[-69459624] = [open, closed];
        host.Vk.CommentErrors["-69459624_10"] = 212;
        host.Vk.Comments["-69459624_11"] = [FakeVk.Comment(12, Now.ToUnixTimeSeconds())];

        var items = await VkTestHost.ReadAllAsync(host.Source("vk:comments"), null);
        host.Server.Requests.Clear();
        var again = await VkTestHost.ReadAllAsync(host.Source("vk:comments"), items[^1].Cursor);

        Assert.Equal("12", Assert.Single(items).Post!.Key.Item);
        Assert.Contains(host.Log.Lines, l => l.EventId == 2109 && l.Message.Contains("212", StringComparison.Ordinal));
        Assert.Empty(again);
        Assert.DoesNotContain(host.Server.Requests, r => r.Path == "/method/wall.getComments"); // closed comments are not asked again
    }

    private static JsonObject CommentedPost(long id, long count)
    {
        var post = FakeVk.Post(-69459624, id, Now.ToUnixTimeSeconds() - 60);
        post["comments"] = new JsonObject { ["count"] = count };
        return post;
    }

    [Fact]
    public async Task ReadAsync_PollStoppedAfterTheFirstComment_NextPollReadsTheRest()
    {
        var time = new FakeTimeProvider(Now);
        await using var host = Host(time);
        host.Vk.Walls[-69459624] = [CommentedPost(10, 3)];
        host.Vk.Comments["-69459624_10"] = [FakeVk.Comment(11, Now.ToUnixTimeSeconds()), FakeVk.Comment(12, Now.ToUnixTimeSeconds()), FakeVk.Comment(13, Now.ToUnixTimeSeconds())];

        var first = await VkTestHost.ReadAllAsync(host.Source("vk:comments"), null);
        // The pipeline committed only the first item (the poll was stopped there).
        var resumed = await VkTestHost.ReadAllAsync(host.Source("vk:comments"), first[0].Cursor);

        Assert.Equal(["11", "12", "13"], first.Where(i => i.Post is not null).Select(i => i.Post!.Key.Item));
        Assert.Equal(["12", "13"], resumed.Where(i => i.Post is not null).Select(i => i.Post!.Key.Item));
    }

    [Fact]
    public async Task ReadAsync_MaxCommentsPerPostCutsTheRead_NextPollReadsTheRest()
    {
        var time = new FakeTimeProvider(Now);
        await using var host = new VkTestHost(new() { ["Sources:Vk:Communities:0"] = "69459624", ["Sources:Vk:MaxCommentsPerPost"] = "2" }, time);
        var d = Now.ToUnixTimeSeconds();
        var withThread = FakeVk.Comment(11, d);
        withThread["replies"] = new JsonArray(FakeVk.Comment(12, d), FakeVk.Comment(13, d), FakeVk.Comment(14, d));
        var secondThread = FakeVk.Comment(20, d);
        secondThread["replies"] = new JsonArray(FakeVk.Comment(21, d), FakeVk.Comment(22, d));
        host.Vk.Walls[-69459624] = [CommentedPost(10, 8)];
        host.Vk.Comments["-69459624_10"] = [withThread, secondThread, FakeVk.Comment(30, d)];

        var first = await VkTestHost.ReadAllAsync(host.Source("vk:comments"), null);
        var second = await VkTestHost.ReadAllAsync(host.Source("vk:comments"), first[^1].Cursor);
        var third = await VkTestHost.ReadAllAsync(host.Source("vk:comments"), second[^1].Cursor);

        // The cap stopped before the replies of 20: nothing from 21 on is yielded (30 would pass them).
        Assert.Equal(["11", "12", "13", "14", "20"], first.Where(i => i.Post is not null).Select(i => i.Post!.Key.Item));
        Assert.Equal(["21", "22", "30"], second.Where(i => i.Post is not null).Select(i => i.Post!.Key.Item));
        Assert.DoesNotContain(third, i => i.Post is not null);
    }

    [Fact]
    public async Task ReadAsync_CommentDeletedAndAnotherAddedCountUnchanged_ReadAfterTheFullRereadInterval()
    {
        var time = new FakeTimeProvider(Now);
        await using var host = Host(time);
        var d = Now.ToUnixTimeSeconds();
        host.Vk.Walls[-69459624] = [CommentedPost(10, 2)];
        host.Vk.Comments["-69459624_10"] = [FakeVk.Comment(11, d), FakeVk.Comment(12, d)];

        var first = await VkTestHost.ReadAllAsync(host.Source("vk:comments"), null);
        host.Vk.Comments["-69459624_10"] = [FakeVk.Comment(11, d), FakeVk.Comment(13, d)]; // 12 deleted, 13 added: still 2
        host.Server.Requests.Clear();
        var soon = await VkTestHost.ReadAllAsync(host.Source("vk:comments"), first[^1].Cursor);
        var soonRequests = host.Server.Requests.Count(r => r.Path == "/method/wall.getComments");
        time.Advance(TimeSpan.FromMinutes(61));
        var later = await VkTestHost.ReadAllAsync(host.Source("vk:comments"), first[^1].Cursor);

        Assert.Equal(["11", "12"], first.Select(i => i.Post!.Key.Item));
        Assert.Empty(soon);
        Assert.Equal(0, soonRequests);
        Assert.Equal(["13"], later.Where(i => i.Post is not null).Select(i => i.Post!.Key.Item));
        Assert.Contains("\"N\":2", later[^1].Cursor, StringComparison.Ordinal);
    }
}
