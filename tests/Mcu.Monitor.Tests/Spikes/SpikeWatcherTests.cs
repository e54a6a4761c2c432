using System.Text.Json;
using Mcu.Monitor.Domain;

namespace Mcu.Monitor.Tests.Spikes;

/// <summary>The watcher on a real SQLite store: counts from the posts, stores a burst once, delivers it once.</summary>
public sealed class SpikeWatcherTests
{
    // Friday 20 November 2026; the burst: 7 negative posts about water in Иловка between 10:05 and 10:35 Moscow time.
    private static readonly DateTimeOffset BurstStart = new(2026, 11, 20, 10, 5, 0, TimeSpan.FromHours(3));

    [Fact]
    public async Task Check_BurstInOnePair_StoredOnceWithItsPosts_RunningAgainAddsNothing()
    {
        using var context = new SpikeTestContext(BurstStart.AddDays(-20));
        // A thin baseline: other pairs and a negative post in the pair every other day; Low risk posts never count.
        for (var day = 14; day >= 1; day--)
        {
            await context.PostAsync(BurstStart.AddDays(-day), "zhkh", "alekseevka", RiskLevel.Medium);
            if (day % 2 == 0)
            {
                await context.PostAsync(BurstStart.AddDays(-day).AddHours(3), "zhkh", "ilovka", RiskLevel.High);
            }
        }

        var burst = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            burst.Add(await context.PostAsync(BurstStart.AddMinutes(5 * i), "zhkh", "ilovka", i == 3 ? RiskLevel.Critical : RiskLevel.Medium));
            await context.PostAsync(BurstStart.AddMinutes(5 * i), "zhkh", "ilovka", RiskLevel.Low); // not negative
        }

        await context.PostAsync(BurstStart.AddMinutes(10), "roads", "ilovka", RiskLevel.High); // another pair

        context.Time.SetUtcNow(BurstStart.AddMinutes(12)); // two posts so far: nothing
        Assert.Equal(0, context.Watcher.Check());

        context.Time.SetUtcNow(BurstStart.AddMinutes(45)); // 10:50 Moscow: the window 09:45–10:45 holds all seven
        Assert.Equal(1, context.Watcher.Check());
        Assert.Equal(0, context.Watcher.Check()); // the same moment again
        context.Time.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(0, context.Watcher.Check()); // the burst goes on: no second row
        context.Time.Advance(TimeSpan.FromHours(5));
        Assert.Equal(0, context.Watcher.Check());

        Assert.Equal(1, context.Store.Count("SELECT COUNT(*) FROM risk_spikes"));
        using var connection = context.Store.Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT idempotency_key, sector, locality_id, peak_count, threshold, post_keys, recipient_id, municipality, count, sent_at FROM risk_spikes";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        // Named by its first elevated window, 09:30–10:30 Moscow (five of them); it peaks at seven in 09:45–10:45.
        Assert.Equal("spike:zhkh:ilovka:20261120T0630Z", reader.GetString(0));
        Assert.Equal(5L, reader.GetInt64(8));
        Assert.Equal(("zhkh", "ilovka", 7L, 5L), (reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4)));
        var keys = JsonSerializer.Deserialize<List<string>>(reader.GetString(5))!;
        Assert.Equal(burst.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal)); // the seven negative ones, no Low one
        Assert.Equal(burst[3], keys[0]); // riskiest first
        Assert.Equal(("mcu-head", "test-mun"), (reader.GetString(6), reader.GetString(7)));
        Assert.True(reader.IsDBNull(9));
    }

    [Fact]
    public async Task Notifier_DeliversEachSpikeOnce_AndRetriesAFailure()
    {
        using var context = new SpikeTestContext(BurstStart.AddMinutes(45));
        for (var i = 0; i < 6; i++)
        {
            await context.PostAsync(BurstStart.AddMinutes(5 * i), "tko", null, RiskLevel.High, $"Мусор не вывозят {i}");
        }

        Assert.Equal(1, context.Watcher.Check());
        var failing = new FailingSpikeChannel();
        Assert.Equal((0, 1), await context.Notifier(failing).DeliverAsync(CancellationToken.None));
        Assert.Equal(1, context.Spikes.CountPending());

        var channel = new CollectingSpikeChannel();
        var notifier = context.Notifier(channel);
        Assert.Equal((0, 0), await notifier.DeliverAsync(CancellationToken.None)); // waiting for the retry delay
        context.Time.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal((1, 0), await notifier.DeliverAsync(CancellationToken.None));
        Assert.Equal((0, 0), await notifier.DeliverAsync(CancellationToken.None));

        var alert = Assert.Single(channel.Sent);
        Assert.Equal((6, "Руководитель МЦУ", "Твёрдые коммунальные отходы"), (alert.Count, alert.RecipientName, alert.SectorName));
        Assert.Null(alert.LocalityName);
        Assert.Equal(6, alert.Posts.Count);
        Assert.Equal(0, context.Spikes.CountPending());
        Assert.Equal(1, context.Store.Count("SELECT COUNT(*) FROM risk_spikes WHERE channel = 'collect' AND attempts = 2 AND sent_at IS NOT NULL"));
    }

    [Fact]
    public void Check_Disabled_DoesNothing()
    {
        using var context = new SpikeTestContext(BurstStart);
        context.SpikeOptions.Value.Enabled = false;

        Assert.Equal(0, context.Watcher.Check());
    }

    private sealed class FailingSpikeChannel : Mcu.Monitor.Spikes.ISpikeChannel
    {
        public string Name => "failing";

        public Task<string?> SendAsync(Mcu.Monitor.Spikes.SpikeAlert alert, CancellationToken cancellationToken) =>
            throw new Mcu.Monitor.Alerts.AlertDeliveryException("channel down");
    }
}
