using Microsoft.Extensions.Time.Testing;

namespace Mcu.Monitor.Tests.Sources.Vk;

public class VkSearchSourceTests
{
    [Fact]
    public async Task ReadAsync_PagesWithNextFrom_OldestFirstAndNextPollReadsOnlyNewer()
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

        Assert.Equal(["-4:2", "-4:3"], second.Select(i => $"{i.Post!.Key.Owner}:{i.Post.Key.Item}"));
        Assert.Equal((t - 300).ToString(System.Globalization.CultureInfo.InvariantCulture), host.Server.Requests.First().Parameters["start_time"]);
    }
}
