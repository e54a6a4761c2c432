using Mcu.Monitor.Alerts;
using Mcu.Monitor.Observability;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Mcu.Monitor.Tests.Alerts;

public class AlertDispatcherTests
{
    [Fact]
    public async Task DrainAsync_TwoDispatchersAtOnce_EachAlertSentOnce()
    {
        using var store = new TestStore();
        await store.Store.CommitAsync("file:test", [.. Enumerable.Range(1, 30).Select(i => TestPosts.Processed($"{i}", appeal: true))], null, CancellationToken.None);
        var sender = new CollectingSender(TimeSpan.FromMilliseconds(2));
        using var first = Dispatcher(store, sender, TimeProvider.System);
        using var second = Dispatcher(store, sender, TimeProvider.System);

        await Task.WhenAll(first.DrainAsync(CancellationToken.None), second.DrainAsync(CancellationToken.None));

        Assert.Equal(30, sender.Sent.Count);
        Assert.Equal(30, sender.Sent.Distinct().Count());
        Assert.Equal(0, store.Count("SELECT COUNT(*) FROM alert_outbox WHERE sent_at IS NULL"));
    }

    [Fact]
    public async Task DrainAsync_SendFails_RetriedLaterWithBackoffNotImmediately()
    {
        using var store = new TestStore();
        await store.Store.CommitAsync("file:test", [TestPosts.Processed("1", appeal: true)], null, CancellationToken.None);
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddMinutes(1)); // the rows were queued at real now
        var sender = new CollectingSender(TimeSpan.Zero) { FailNext = 1 };
        using var dispatcher = Dispatcher(store, sender, time);

        var first = await dispatcher.DrainAsync(CancellationToken.None);
        var tooEarly = await dispatcher.DrainAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(5));
        var later = await dispatcher.DrainAsync(CancellationToken.None);

        Assert.Equal((0, 1), first);
        Assert.Equal((0, 0), tooEarly);
        Assert.Equal((1, 0), later);
        Assert.Equal(2, store.Count("SELECT attempts FROM alert_outbox"));
    }

    [Fact]
    public async Task DrainAsync_FailureThenFallbackDelivery_CountedByTheChannelThatTriedAndTheOneThatTookIt()
    {
        using var store = new TestStore();
        await store.Store.CommitAsync("file:test", [TestPosts.Processed("1", appeal: true), TestPosts.Processed("2", appeal: true)], null, CancellationToken.None);
        var sender = new FallingBackSender { FailNext = 1 };
        var metrics = new MonitorMetrics();
        using var dispatcher = Dispatcher(store, sender, TimeProvider.System, metrics);

        var result = await dispatcher.DrainAsync(CancellationToken.None);

        var text = metrics.Render();
        Assert.Equal((1, 1), result);
        Assert.Equal(1, PrometheusExposition.Value(text, "mcu_alerts_failed_total{channel=\"telegram\"}"));
        Assert.Equal(1, PrometheusExposition.Value(text, "mcu_alerts_sent_total{channel=\"email\"}"));
        Assert.Null(PrometheusExposition.Value(text, "mcu_alerts_sent_total{channel=\"telegram\"}"));
    }

    private static AlertDispatcher Dispatcher(TestStore store, IAlertSender sender, TimeProvider time, MonitorMetrics? metrics = null)
    {
        var outbox = new SqliteAlertOutbox(
            store.Database,
            Options.Create(TestConfiguration.Routing()),
            Options.Create(TestConfiguration.Classification()),
            Options.Create(TestConfiguration.Territory()));
        return new AlertDispatcher(outbox, sender, Options.Create(new AlertsOptions()), time, NullLogger<AlertDispatcher>.Instance, metrics);
    }

    /// <summary>Telegram that fails as told, and otherwise hands every alert to its e-mail fallback.</summary>
    private sealed class FallingBackSender : IAlertSender
    {
        public int FailNext { get; set; }

        public string Channel => "telegram";

        public Task<string?> SendAsync(AlertMessage message, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<AlertReceipt> DeliverAsync(AlertMessage message, CancellationToken cancellationToken)
        {
            if (FailNext > 0)
            {
                FailNext--;
                throw new HttpRequestException("both channels down");
            }

            return Task.FromResult(new AlertReceipt("email", null));
        }
    }

    private sealed class CollectingSender(TimeSpan delay) : IAlertSender
    {
        public System.Collections.Concurrent.ConcurrentQueue<long> Sent { get; } = new();

        public int FailNext { get; set; }

        public string Channel => "test";

        public async Task<string?> SendAsync(AlertMessage message, CancellationToken cancellationToken)
        {
            if (FailNext > 0)
            {
                FailNext--;
                throw new HttpRequestException("channel down");
            }

            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, cancellationToken);
            }

            Sent.Enqueue(message.AlertId);
            return null;
        }
    }
}
