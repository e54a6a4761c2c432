using System.Globalization;
using System.Text.Json.Nodes;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Tests.TestSupport;

namespace Mcu.Monitor.Tests.Sources.Vk;

public class VkWallSourceTests
{
    private const long Now = 1_790_000_000;

    [Fact]
    public async Task ReadAsync_HundredCommunities_AtMostFourRequestsAndNeverAboveTheRate()
    {
        var communities = Enumerable.Range(1, 100).Select(i => (long)(1000 + i)).ToList();
        var settings = new Dictionary<string, string?> { ["Sources:Vk:RequestsPerSecond"] = "2" };
        for (var i = 0; i < communities.Count; i++)
        {
            settings[$"Sources:Vk:Communities:{i}"] = communities[i].ToString(CultureInfo.InvariantCulture);
        }

        await using var host = new VkTestHost(settings);
        foreach (var id in communities)
        {
            host.Vk.AddWall(-id, 30, Now);
        }

        var items = await VkTestHost.ReadAllAsync(host.Source("vk:walls"), null);

        var requests = host.Server.Requests.ToList();
        Assert.True(requests.Count <= 4, $"{requests.Count} requests");
        Assert.All(requests, r => Assert.Equal("/method/execute", r.Path));
        Assert.Equal(100 * 20, items.Count(i => i.Post is not null));
        Assert.Equal(100, items.Select(i => i.Post!.Key.Owner).Distinct().Count());
        var arrivals = requests.Select(r => r.ArrivedAtMs).Order().ToList();
        for (var i = 0; i < arrivals.Count; i++)
        {
            var inWindow = arrivals.Count(a => a >= arrivals[i] && a < arrivals[i] + 1000);
            Assert.True(inWindow <= 2, $"{inWindow} requests within one second from {arrivals[i]}");
        }
    }

    [Fact]
    public async Task ReadAsync_CursorAcrossPagesWithOldPinnedPost_ReadsDownToTheCursorOnceOldestFirst()
    {
        await using var host = new VkTestHost(new() { ["Sources:Vk:Communities:0"] = "club7", ["Sources:Vk:WallPageSize"] = "25" });
        host.Vk.AddWall(-7, 60, Now);
        host.Vk.Walls[-7].Insert(0, FakeVk.Post(-7, 5, Now - 100_000, pinned: true));
        host.Vk.Walls[-7].RemoveAll(p => p["id"]!.GetValue<long>() == 5 && p["is_pinned"] is null);

        var items = await VkTestHost.ReadAllAsync(host.Source("vk:walls"), """{"-7":10}""");

        // An id-only cursor of an earlier version: read down to the id, then kept as id and date.
        Assert.Equal(Enumerable.Range(11, 50).Select(i => i.ToString(CultureInfo.InvariantCulture)), items.Select(i => i.Post!.Key.Item));
        Assert.Equal(3, host.Server.Requests.Count);
        Assert.Equal($$$"""{"-7":{"I":60,"D":{{{Now}}}}}""", items[^1].Cursor);
        Assert.Equal($$$"""{"-7":{"I":11,"D":{{{Now - (49 * 60)}}}}}""", items[0].Cursor);

        // Every post is within WallOverlap (1 day) of the newest: all are offered again (the pipeline drops them),
        // the pinned post of older date is not, and the cursor stays.
        host.Server.Requests.Clear();
        var again = await VkTestHost.ReadAllAsync(host.Source("vk:walls"), items[^1].Cursor);
        Assert.Equal(59, again.Count);
        Assert.DoesNotContain(again, i => i.Post!.Key.Item == "5");
        Assert.Equal(items[^1].Cursor, again[^1].Cursor);
    }

    [Fact]
    public async Task ReadAsync_PinnedPostNewerThanCursor_IsReadOnce()
    {
        await using var host = new VkTestHost(new() { ["Sources:Vk:Communities:0"] = "7" });
        host.Vk.AddWall(-7, 10, Now);
        host.Vk.Walls[-7].RemoveAt(0);
        host.Vk.Walls[-7].Insert(0, FakeVk.Post(-7, 10, Now, pinned: true));

        var items = await VkTestHost.ReadAllAsync(host.Source("vk:walls"), """{"-7":8}""");

        Assert.Equal(["9", "10"], items.Select(i => i.Post!.Key.Item));
    }

    [Fact]
    public async Task ReadAsync_WallShiftsBetweenPages_NoDuplicates()
    {
        await using var host = new VkTestHost(new() { ["Sources:Vk:Communities:0"] = "7", ["Sources:Vk:WallPageSize"] = "10", ["Sources:Vk:UseExecute"] = "false" });
        host.Vk.AddWall(-7, 30, Now);
        var calls = 0;
        host.Vk.Override = _ =>
        {
            if (Interlocked.Increment(ref calls) == 2)
            {
                // Two posts arrive between the pages: page 2 starts with two posts of page 1 again.
                host.Vk.Walls[-7].Insert(0, FakeVk.Post(-7, 31, Now + 60));
                host.Vk.Walls[-7].Insert(0, FakeVk.Post(-7, 32, Now + 120));
            }

            return null;
        };

        var items = await VkTestHost.ReadAllAsync(host.Source("vk:walls"), """{"-7":5}""");

        var ids = items.Select(i => long.Parse(i.Post!.Key.Item, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Equal(Enumerable.Range(6, 25).Select(i => (long)i), ids.Where(i => i <= 30));
        Assert.Equal(ids.Order(), ids);
    }

    [Fact]
    public async Task ReadAsync_FirstRead_TakesInitialPostsPerCommunity()
    {
        await using var host = new VkTestHost(new() { ["Sources:Vk:Communities:0"] = "7", ["Sources:Vk:InitialPostsPerCommunity"] = "5" });
        host.Vk.AddWall(-7, 40, Now);

        var items = await VkTestHost.ReadAllAsync(host.Source("vk:walls"), null);

        Assert.Equal(["36", "37", "38", "39", "40"], items.Select(i => i.Post!.Key.Item));
        var post = items[^1].Post!;
        Assert.Equal(new PostKey(Network.Vk, "-7", "40"), post.Key);
        Assert.Equal("https://vk.com/wall-7_40", post.Url);
        Assert.Equal("vk:walls", post.SourceId);
        Assert.Equal("test-mun", post.Municipality);
        Assert.Equal("Сообщество 7", post.AuthorName);
        Assert.Equal(new Engagement(2, 0, 1, 50), post.Engagement);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(Now), post.PublishedAt);
    }

    [Fact]
    public async Task ReadAsync_RepostFixtures_TakeTextAndAttachmentsOfTheOriginal()
    {
        await using var host = new VkTestHost(new() { ["Sources:Vk:Communities:0"] = "10", ["Sources:Vk:UseExecute"] = "false" });
        var fixture = "wall.get.extended.repost-empty-text.json";
        host.Vk.Override = _ => LoopbackResponse.Json(VkFixtures.Read(fixture));

        var repost = Assert.Single(await VkTestHost.ReadAllAsync(host.Source("vk:walls"), null)).Post!;
        fixture = "wall.get.repost-with-poll-and-geo.json";
        var withPoll = Assert.Single(await VkTestHost.ReadAllAsync(host.Source("vk:walls"), null)).Post!;

        Assert.Equal(new PostKey(Network.Vk, "10", "41"), repost.Key);
        Assert.Equal(new PostKey(Network.Vk, "-29246653", "93530"), repost.RepostOf);
        Assert.Equal(["photo"], repost.Attachments);
        Assert.Equal("Иван Иванов", repost.AuthorName);
        Assert.Equal("https://vk.com/wall10_41", repost.Url);
        Assert.Equal(new PostKey(Network.Vk, "-42895313", "128"), withPoll.RepostOf);
        Assert.StartsWith("Мы оформляем храм", withPoll.Text, StringComparison.Ordinal);
        Assert.Equal(["poll"], withPoll.Attachments);
        Assert.Null(withPoll.AuthorName); // not an extended response: no profiles, and that is fine
    }

    [Fact]
    public async Task ReadAsync_DeletedPostUnknownFieldsAndAttachments_SkipsDeletedButAdvancesCursor()
    {
        await using var host = new VkTestHost(new() { ["Sources:Vk:Communities:0"] = "7" });
        host.Vk.AddWall(-7, 3, Now);
        var wall = host.Vk.Walls[-7];
        wall[0]["is_deleted"] = true;
        wall[0]["deleted_reason"] = "Запись удалена";
        wall[1]["text"] = "";
        wall[1]["attachments"] = new JsonArray(
            new JsonObject { ["type"] = "photos_list", ["photos_list"] = null },
            new JsonObject { ["type"] = "hologram_2031", ["hologram_2031"] = new JsonObject { ["x"] = 1 } },
            new JsonObject { ["type"] = "poll", ["poll"] = null },
            null);
        wall[1]["brand_new_field"] = new JsonObject { ["nested"] = new JsonArray(1, "два") };
        wall[2]["is_pinned"] = "0";

        var items = await VkTestHost.ReadAllAsync(host.Source("vk:walls"), """{"-7":0}""");

        Assert.Equal(3, items.Count);
        Assert.Null(items[2].Post);
        Assert.Equal($$$"""{"-7":{"I":3,"D":{{{Now}}}}}""", items[2].Cursor);
        Assert.Equal(["photos_list", "hologram_2031", "poll", "unknown"], items[1].Post!.Attachments);
        Assert.Equal("", items[1].Post!.Text);
    }

    [Fact]
    public async Task ReadAsync_ExecuteWithPartialErrors_SkipsFailedWallsAlertsBadOnesReadsTheRest()
    {
        await using var host = new VkTestHost(new()
        {
            ["Sources:Vk:Communities:0"] = "1",
            ["Sources:Vk:Communities:1"] = "2",
            ["Sources:Vk:Communities:2"] = "3",
            ["Sources:Vk:Communities:3"] = "4",
        });
        host.Vk.AddWall(-1, 2, Now);
        host.Vk.AddWall(-4, 2, Now);
        host.Vk.WallErrors[-2] = 15;
        host.Vk.WallErrors[-3] = 100;

        var items = await VkTestHost.ReadAllAsync(host.Source("vk:walls"), null);

        Assert.Equal(["-1", "-1", "-4", "-4"], items.Select(i => i.Post!.Key.Owner));
        Assert.Equal($$$"""{"-1":{"I":2,"D":{{{Now}}}},"-4":{"I":2,"D":{{{Now}}}}}""", items[^1].Cursor);
        Assert.Equal(["vk-source:2", "vk-source:3"], host.Alerts.Raised.Select(a => a.Key).Order());
        Assert.Contains(host.Log.Lines, l => l.EventId == 2116 && l.Level == Microsoft.Extensions.Logging.LogLevel.Warning && l.Message.Contains("community 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_ScreenNamesAndUrls_ResolvedOnceForTheProcess()
    {
        await using var host = new VkTestHost(new()
        {
            ["Sources:Vk:Communities:0"] = "https://vk.com/alekseevka_online",
            ["Sources:Vk:Communities:1"] = "public42",
            ["Sources:Vk:Communities:2"] = "no_such_community",
        });
        host.Vk.Groups["alekseevka_online"] = 201234567;
        host.Vk.AddWall(-201234567, 2, Now);
        host.Vk.AddWall(-42, 1, Now);

        var first = await VkTestHost.ReadAllAsync(host.Source("vk:walls"), null);
        var second = await VkTestHost.ReadAllAsync(host.Source("vk:walls"), first[^1].Cursor);

        Assert.Equal(3, first.Count);
        Assert.Equal(first.Select(i => i.Post!.Key), second.Select(i => i.Post!.Key)); // within WallOverlap: offered again
        // One groups.getById for both screen names (public42 needs none), and never again.
        Assert.Equal(1, host.Server.Requests.Count(r => r.Path == "/method/groups.getById"));
        Assert.Contains(host.Alerts.Raised, a => a.Key == "vk-source:no_such_community");
    }

    [Fact]
    public async Task ReadAsync_AuthFailure_StopsCleanlyAlertsAndSendsNothingMore()
    {
        await using var host = new VkTestHost(new() { ["Sources:Vk:Communities:0"] = "7" });
        host.Vk.Override = _ => LoopbackResponse.Json(VkFixtures.Read("error.5.user-authorization-failed.json"));

        var first = await VkTestHost.ReadAllAsync(host.Source("vk:walls"), null);
        var second = await VkTestHost.ReadAllAsync(host.Source("vk:walls"), null);

        Assert.Empty(first);
        Assert.Empty(second);
        Assert.Single(host.Server.Requests);
        Assert.Equal("vk-token", Assert.Single(host.Alerts.Raised).Key);
    }

    [Fact]
    public async Task ReadAsync_Error6ThenSuccess_OneLogicalResultWithoutDuplicates()
    {
        await using var host = new VkTestHost(new() { ["Sources:Vk:Communities:0"] = "7" });
        host.Vk.AddWall(-7, 5, Now);
        var calls = 0;
        host.Vk.Override = _ => Interlocked.Increment(ref calls) == 1 ? LoopbackResponse.Json(VkFixtures.Read("error.6.too-many.from-schema.json")) : null;

        var items = await VkTestHost.ReadAllAsync(host.Source("vk:walls"), null);

        Assert.Equal(["1", "2", "3", "4", "5"], items.Select(i => i.Post!.Key.Item));
        var requests = host.Server.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ArrivedAtMs - requests[0].ArrivedAtMs >= 290, $"retried after {requests[1].ArrivedAtMs - requests[0].ArrivedAtMs} ms"); // 10 ms for timer and clock granularity
    }

    [Fact]
    public async Task ReadAsync_ThroughPipeline_StoresPostsAndSecondPollStoresNothing()
    {
        await using var host = new VkTestHost(new() { ["Sources:Vk:Communities:0"] = "7", ["Sources:Vk:Communities:1"] = "8" });
        host.Vk.AddWall(-7, 4, Now);
        host.Vk.AddWall(-8, 3, Now);
        host.Vk.Walls[-7][0]["text"] = "Опять нет воды на улице Мостовой третий день, куда звонить?";
        using var store = new TestStore();
        var pipeline = TestPipeline.Create(store.Store);

        var first = await pipeline.RunAsync("vk:walls", host.Source("vk:walls").ReadAsync(store.Store.ReadCursor("vk:walls"), CancellationToken.None), CancellationToken.None);
        var cursor = store.Store.ReadCursor("vk:walls");
        var second = await pipeline.RunAsync("vk:walls", host.Source("vk:walls").ReadAsync(store.Store.ReadCursor("vk:walls"), CancellationToken.None), CancellationToken.None);

        Assert.Equal(7, first.Stored);
        Assert.Equal(7, store.Count("SELECT COUNT(*) FROM posts"));
        Assert.Equal($$$"""{"-7":{"I":4,"D":{{{Now}}}},"-8":{"I":3,"D":{{{Now}}}}}""", cursor);
        Assert.Equal(cursor, store.Store.ReadCursor("vk:walls"));
        Assert.Equal(0, second.Stored);
        Assert.Equal(7, store.Count("SELECT COUNT(*) FROM posts"));
    }

    private static string Cursor(long owner, long id, long date) =>
        string.Create(CultureInfo.InvariantCulture, $$$"""{"{{{owner}}}":{"I":{{{id}}},"D":{{{date}}}}}""");

    [Fact]
    public async Task ReadAsync_SuggestedPostPublishedWithAnOldId_IsRead()
    {
        await using var host = new VkTestHost(new() { ["Sources:Vk:Communities:0"] = "7" });
        host.Vk.AddWall(-7, 10, Now);
        var first = await VkTestHost.ReadAllAsync(host.Source("vk:walls"), null);

        // A suggested post got id 4 when it was proposed; accepted now, it is the newest on the wall.
        host.Vk.Walls[-7].RemoveAll(p => p["id"]!.GetValue<long>() == 4);
        host.Vk.Walls[-7].Insert(0, FakeVk.Post(-7, 4, Now + 600, "предложка"));
        var second = await VkTestHost.ReadAllAsync(host.Source("vk:walls"), first[^1].Cursor);

        Assert.Equal("предложка", second[^1].Post!.Text);
        Assert.Equal("4", second[^1].Post!.Key.Item);
        Assert.Equal(Cursor(-7, 10, Now + 600), second[^1].Cursor);
    }

    [Fact]
    public async Task ReadAsync_CappedRead_CursorNeverPassesUnreadPostsAndNextPollsGoOn()
    {
        await using var host = new VkTestHost(new()
        {
            ["Sources:Vk:Communities:0"] = "7",
            ["Sources:Vk:WallPageSize"] = "5",
            ["Sources:Vk:MaxPostsPerCommunityPerPoll"] = "10",
            ["Sources:Vk:WallOverlap"] = "00:00:00",
        });
        host.Vk.AddWall(-7, 40, Now);
        var start = Cursor(-7, 10, Now - (30 * 60)); // read up to post 10: posts 11..40 are new

        var first = await VkTestHost.ReadAllAsync(host.Source("vk:walls"), start);

        Assert.Equal(Enumerable.Range(31, 10).Select(i => i.ToString(CultureInfo.InvariantCulture)), first.Select(i => i.Post!.Key.Item));
        Assert.All(first.SkipLast(1), i => Assert.Equal(start, i.Cursor)); // stopped here, the next poll repeats the read
        Assert.Contains($"\"D\":{Now - (30 * 60)}", first[^1].Cursor, StringComparison.Ordinal);

        var seen = first.Select(i => i.Post!.Key.Item).ToHashSet();
        var cursor = first[^1].Cursor;
        for (var poll = 0; poll < 10 && cursor.Contains("\"R\"", StringComparison.Ordinal); poll++)
        {
            var items = await VkTestHost.ReadAllAsync(host.Source("vk:walls"), cursor);
            var posts = items.Where(i => i.Post is not null).ToList();
            Assert.Equal(posts.OrderBy(i => i.Post!.PublishedAt).Select(i => i.Post!.Key), posts.Select(i => i.Post!.Key));
            seen.UnionWith(posts.Select(i => i.Post!.Key.Item));
            cursor = items[^1].Cursor;
        }

        // 10 too: the post at exactly D comes again (same second as the last one yielded), the pipeline drops it.
        Assert.Equal(Enumerable.Range(10, 31).Select(i => i.ToString(CultureInfo.InvariantCulture)).Order(), seen.Order());
        Assert.Equal(Cursor(-7, 40, Now), cursor);
    }

    [Fact]
    public async Task ReadAsync_PagesWithoutCountRepeatingTheSameItems_StopsInsteadOfPagingOn()
    {
        await using var host = new VkTestHost(new() { ["Sources:Vk:Communities:0"] = "7", ["Sources:Vk:UseExecute"] = "false", ["Sources:Vk:WallOverlap"] = "00:00:00" });
        var calls = 0;
        var page = new JsonObject { ["response"] = new JsonObject { ["items"] = new JsonArray(FakeVk.Post(-7, 3, Now), FakeVk.Post(-7, 2, Now - 60)) } }.ToJsonString();
        host.Vk.Override = r => r.Path != "/method/wall.get" ? null
            : Interlocked.Increment(ref calls) > 50 ? LoopbackResponse.Json("""{"response":{"items":[]}}""") : LoopbackResponse.Json(page);

        var items = await VkTestHost.ReadAllAsync(host.Source("vk:walls"), Cursor(-7, 1, Now - 120));

        Assert.True(calls <= 2, $"{calls} wall.get calls");
        Assert.Equal(["2", "3"], items.Select(i => i.Post!.Key.Item));
        Assert.Contains(host.Log.Lines, l => l.EventId == 2115);
    }

    [Fact]
    public async Task ReadAsync_ClosedCommunityWithCursor_AlertsKeepsItsCursorAndRestsBeforeTryingAgain()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(Now));
        await using var host = new VkTestHost(new() { ["Sources:Vk:Communities:0"] = "1", ["Sources:Vk:Communities:1"] = "2" }, time);
        host.Vk.AddWall(-1, 3, Now);
        host.Vk.AddWall(-2, 3, Now);
        host.Vk.WallErrors[-2] = 15;
        var start = $$$"""{"-1":{"I":1,"D":{{{Now - 120}}}},"-2":{"I":1,"D":{{{Now - 120}}}}}""";

        var first = await VkTestHost.ReadAllAsync(host.Source("vk:walls"), start);

        Assert.Equal("vk-source:2", Assert.Single(host.Alerts.Raised).Key);
        Assert.All(first, i => Assert.Equal("-1", i.Post!.Key.Owner));
        Assert.Contains("\"-2\":{\"I\":1,\"D\":" + (Now - 120).ToString(CultureInfo.InvariantCulture) + "}", first[^1].Cursor, StringComparison.Ordinal);

        // Readable again, but it rests UnavailableCommunityPause (6 h): not asked for until then.
        host.Vk.WallErrors.TryRemove(-2, out _);
        host.Server.Requests.Clear();
        var second = await VkTestHost.ReadAllAsync(host.Source("vk:walls"), first[^1].Cursor);
        Assert.DoesNotContain(host.Server.Requests, r => r.Parameters["code"].Contains("\"owner_id\":-2,", StringComparison.Ordinal));
        Assert.DoesNotContain(second, i => i.Post?.Key.Owner == "-2");

        time.Advance(TimeSpan.FromHours(6) + TimeSpan.FromMinutes(1));
        var third = await VkTestHost.ReadAllAsync(host.Source("vk:walls"), second[^1].Cursor);
        Assert.Equal(["1", "2", "3"], third.Where(i => i.Post?.Key.Owner == "-2").Select(i => i.Post!.Key.Item)); // 1: within WallOverlap
    }

    [Fact]
    public async Task ReadAsync_CommunityWithCursorFailsInsideExecute_KeepsItsCursorEntryAndNextPollReadsIt()
    {
        await using var host = new VkTestHost(new() { ["Sources:Vk:Communities:0"] = "1", ["Sources:Vk:Communities:1"] = "2" });
        host.Vk.AddWall(-1, 3, Now);
        host.Vk.AddWall(-2, 3, Now);
        host.Vk.WallErrors[-2] = 10;
        var start = $$$"""{"-1":{"I":1,"D":{{{Now - 120}}}},"-2":{"I":1,"D":{{{Now - 120}}}}}""";

        var first = await VkTestHost.ReadAllAsync(host.Source("vk:walls"), start);
        host.Vk.WallErrors.TryRemove(-2, out _);
        var second = await VkTestHost.ReadAllAsync(host.Source("vk:walls"), first[^1].Cursor);

        Assert.All(first, i => Assert.Equal("-1", i.Post!.Key.Owner));
        Assert.Contains("\"-2\":{\"I\":1,\"D\":" + (Now - 120).ToString(CultureInfo.InvariantCulture) + "}", first[^1].Cursor, StringComparison.Ordinal);
        Assert.Contains(host.Log.Lines, l => l.EventId == 2104 && l.Message.Contains("community 2", StringComparison.Ordinal));
        Assert.Equal(["1", "2", "3"], second.Where(i => i.Post?.Key.Owner == "-2").Select(i => i.Post!.Key.Item)); // 1: within WallOverlap
        Assert.Empty(host.Alerts.Raised);
    }

    [Fact]
    public async Task ReadAsync_Error6InsideExecute_ThatWallIsAskedAgainOnceAfterTheDelay()
    {
        await using var host = new VkTestHost(new() { ["Sources:Vk:Communities:0"] = "1", ["Sources:Vk:Communities:1"] = "2" });
        host.Vk.AddWall(-1, 2, Now);
        host.Vk.AddWall(-2, 2, Now);
        host.Vk.WallErrors[-2] = 6;
        var executes = 0;
        host.Vk.Override = r =>
        {
            if (r.Path == "/method/execute" && Interlocked.Increment(ref executes) == 2)
            {
                host.Vk.WallErrors.TryRemove(-2, out _);
            }

            return null;
        };

        var items = await VkTestHost.ReadAllAsync(host.Source("vk:walls"), null);

        Assert.Equal(["-1:1", "-1:2", "-2:1", "-2:2"], items.Select(i => $"{i.Post!.Key.Owner}:{i.Post.Key.Item}"));
        var requests = host.Server.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.DoesNotContain("\"owner_id\":-1,", requests[1].Parameters["code"], StringComparison.Ordinal);
        Assert.True(requests[1].ArrivedAtMs - requests[0].ArrivedAtMs >= 290, $"asked again after {requests[1].ArrivedAtMs - requests[0].ArrivedAtMs} ms");
    }

    [Fact]
    public async Task ReadAsync_Http429WithRetryAfter_WaitsAsLongAsAsked()
    {
        await using var host = new VkTestHost(new() { ["Sources:Vk:Communities:0"] = "7", ["Sources:Vk:UseExecute"] = "false" });
        host.Vk.AddWall(-7, 2, Now);
        var calls = 0;
        host.Vk.Override = _ => Interlocked.Increment(ref calls) == 1
            ? new LoopbackResponse(429, "text/plain", "slow down", new Dictionary<string, string> { ["Retry-After"] = "1" })
            : null;

        var items = await VkTestHost.ReadAllAsync(host.Source("vk:walls"), null);

        Assert.Equal(2, items.Count);
        var requests = host.Server.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ArrivedAtMs - requests[0].ArrivedAtMs >= 990, $"retried after {requests[1].ArrivedAtMs - requests[0].ArrivedAtMs} ms");
    }

    [Fact]
    public async Task ReadAsync_IdOnlyCursorOfAnEarlierVersionAndNothingNew_CursorLearnsTheDate()
    {
        await using var host = new VkTestHost(new() { ["Sources:Vk:Communities:0"] = "7" });
        host.Vk.AddWall(-7, 10, Now);

        var items = await VkTestHost.ReadAllAsync(host.Source("vk:walls"), """{"-7":10}""");

        var only = Assert.Single(items);
        Assert.Null(only.Post);
        Assert.Equal(Cursor(-7, 10, Now), only.Cursor);
    }
}
