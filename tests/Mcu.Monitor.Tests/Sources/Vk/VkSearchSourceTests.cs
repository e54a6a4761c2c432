using Microsoft.Extensions.Time.Testing;

namespace Mcu.Monitor.Tests.Sources.Vk;

public class VkSearchSourceTests
{
    [Fact]
    public async Task ReadAsync_PagesWithNextFrom_OldestFirstAndNextPollReadsFromTheOverlap()
    {
        var now = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(now);
        await using var host = new VkTestHost(new() { ["Sources:Vk:Queries:0"] = "Алексеевка" }, time);
        var t = now.ToUnixTimeSeconds();
        host.Vk.SearchResults.AddRange([
            FakeVk.Post(-1, 5, t - 500), FakeVk.Post(7, 3, t - 400), FakeVk.Post(-2, 9, t - 300), FakeVk.Post(-3, 1, t - 300), FakeVk.Post(-1, 6, t - 2 * 86400)]);

        var first = await VkTestHost.ReadAllAsync(host.Source("vk:search"), null);

        Assert.Equal(["-1:5", "7:3", "-3:1", "-2:9"], first.Select(i => $"{i.Post!.Key.Owner}:{i.Post.Key.Item}"));
        Assert.Equal("https://vk.com/wall7_3", first[1].Post!.Url);
        var searches = host.Server.Requests.ToList();
        Assert.Equal(2, searches.Count);
        Assert.False(searches[0].Parameters.ContainsKey("start_from"));
        Assert.Equal("2", searches[1].Parameters["start_from"]);
        Assert.Equal("Алексеевка", searches[0].Parameters["q"]);

        host.Vk.SearchResults.Add(FakeVk.Post(-4, 2, t - 300)); // same second as the newest read: still new
        host.Vk.SearchResults.Add(FakeVk.Post(-4, 3, t - 10));
        host.Server.Requests.Clear();
        var second = await VkTestHost.ReadAllAsync(host.Source("vk:search"), first[^1].Cursor);

        // From SearchOverlap (1 h) before the newest date read: the posts read before come again (the pipeline drops them).
        Assert.Equal(["-1:5", "7:3", "-4:2", "-3:1", "-2:9", "-4:3"], second.Select(i => $"{i.Post!.Key.Owner}:{i.Post.Key.Item}"));
        Assert.Equal((t - 300 - 3600).ToString(System.Globalization.CultureInfo.InvariantCulture), host.Server.Requests.First().Parameters["start_time"]);
    }

    [Fact]
    public async Task ReadAsync_PostIndexedLate_FoundWithinTheOverlap()
    {
        var now = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        await using var host = new VkTestHost(new() { ["Sources:Vk:Queries:0"] = "Алексеевка" }, new FakeTimeProvider(now));
        var t = now.ToUnixTimeSeconds();
        host.Vk.SearchResults.AddRange([FakeVk.Post(-1, 5, t - 500), FakeVk.Post(-2, 9, t - 300)]);

        var first = await VkTestHost.ReadAllAsync(host.Source("vk:search"), null);
        host.Vk.SearchResults.Add(FakeVk.Post(-3, 4, t - 400)); // published before the newest read, indexed only now
        var second = await VkTestHost.ReadAllAsync(host.Source("vk:search"), first[^1].Cursor);

        Assert.Contains(second, i => i.Post!.Key.Owner == "-3" && i.Post.Key.Item == "4");
        Assert.Equal(first[^1].Cursor, second[^1].Cursor);
    }

    [Fact]
    public async Task ReadAsync_MaxResultsCutsTheSearch_CursorStaysAndNextPollsReadTheOlderResults()
    {
        var now = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        await using var host = new VkTestHost(new() { ["Sources:Vk:Queries:0"] = "Алексеевка", ["Sources:Vk:MaxSearchResultsPerQuery"] = "2" }, new FakeTimeProvider(now));
        var t = now.ToUnixTimeSeconds();
        for (var i = 1; i <= 5; i++)
        {
            host.Vk.SearchResults.Add(FakeVk.Post(-1, i, t - ((6 - i) * 100)));
        }

        var first = await VkTestHost.ReadAllAsync(host.Source("vk:search"), null);
        var seen = first.Select(i => i.Post!.Key.Item).ToHashSet();
        var cursor = first[^1].Cursor;
        for (var poll = 0; poll < 10 && cursor.Contains("\"E\"", StringComparison.Ordinal); poll++)
        {
            var items = await VkTestHost.ReadAllAsync(host.Source("vk:search"), cursor);
            seen.UnionWith(items.Where(i => i.Post is not null).Select(i => i.Post!.Key.Item));
            cursor = items[^1].Cursor;
        }

        Assert.Equal(["4", "5"], first.Select(i => i.Post!.Key.Item));
        Assert.DoesNotContain("\"D\":" + (t - 100).ToString(System.Globalization.CultureInfo.InvariantCulture), first[^1].Cursor, StringComparison.Ordinal);
        Assert.Equal(["1", "2", "3", "4", "5"], seen.Order());
        Assert.Equal("{\"Алексеевка\":{\"D\":" + (t - 100).ToString(System.Globalization.CultureInfo.InvariantCulture) + "}}", System.Text.RegularExpressions.Regex.Unescape(cursor));
    }
}
