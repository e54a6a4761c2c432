using System.Reflection;
using Mcu.Monitor.Observability;
using Mcu.Monitor.Tests.TestSupport;

namespace Mcu.Monitor.Tests.Observability;

public class MonitorMetricsTests
{
    [Fact]
    public void Render_SomeOfEveryMetric_IsTheTextWorkedOutByHand()
    {
        var metrics = new MonitorMetrics(store: null, version: "1.2.3+abc");
        metrics.PostsRead("vk:walls", 3);
        metrics.PostsRead("file:sample", 2);
        metrics.PostsRead("vk:walls", 1);
        metrics.PostsStored("vk:walls", 4);
        metrics.SourceFailed("ok:group:1");
        metrics.Classified(TimeSpan.FromTicks(300));       // 30 µs
        metrics.Classified(TimeSpan.FromTicks(500));       // exactly 50 µs: a bound belongs to its own bucket (le is ≤)
        metrics.Classified(TimeSpan.FromMilliseconds(2));  // in the 2.5 ms bucket
        metrics.Classified(TimeSpan.FromSeconds(1));       // above every bound: only +Inf
        metrics.AlertSent("telegram");
        metrics.AlertSent("email");
        metrics.AlertFailed("telegram");

        // The sum is 300 + 500 + 20 000 + 10 000 000 ticks of 100 ns = 1.00208 s.
        const string expected = """
            # HELP mcu_build_info The running build; always 1.
            # TYPE mcu_build_info gauge
            mcu_build_info{version="1.2.3+abc"} 1
            # HELP mcu_posts_read_total Posts read from a source, duplicates included.
            # TYPE mcu_posts_read_total counter
            mcu_posts_read_total{source="file:sample"} 2
            mcu_posts_read_total{source="vk:walls"} 4
            # HELP mcu_posts_stored_total New posts stored from a source.
            # TYPE mcu_posts_stored_total counter
            mcu_posts_stored_total{source="vk:walls"} 4
            # HELP mcu_source_errors_total Polls of a source that failed.
            # TYPE mcu_source_errors_total counter
            mcu_source_errors_total{source="ok:group:1"} 1
            # HELP mcu_classification_seconds Time to classify one post.
            # TYPE mcu_classification_seconds histogram
            mcu_classification_seconds_bucket{le="0.00005"} 2
            mcu_classification_seconds_bucket{le="0.0001"} 2
            mcu_classification_seconds_bucket{le="0.00025"} 2
            mcu_classification_seconds_bucket{le="0.0005"} 2
            mcu_classification_seconds_bucket{le="0.001"} 2
            mcu_classification_seconds_bucket{le="0.0025"} 3
            mcu_classification_seconds_bucket{le="0.005"} 3
            mcu_classification_seconds_bucket{le="0.01"} 3
            mcu_classification_seconds_bucket{le="0.025"} 3
            mcu_classification_seconds_bucket{le="0.05"} 3
            mcu_classification_seconds_bucket{le="0.1"} 3
            mcu_classification_seconds_bucket{le="+Inf"} 4
            mcu_classification_seconds_sum 1.00208
            mcu_classification_seconds_count 4
            # HELP mcu_alerts_sent_total Incident alerts delivered, by the channel that took them.
            # TYPE mcu_alerts_sent_total counter
            mcu_alerts_sent_total{channel="email"} 1
            mcu_alerts_sent_total{channel="telegram"} 1
            # HELP mcu_alerts_failed_total Incident alert delivery attempts that failed (retried later).
            # TYPE mcu_alerts_failed_total counter
            mcu_alerts_failed_total{channel="telegram"} 1

            """;
        var text = metrics.Render();

        Assert.Equal(expected, text);
        PrometheusExposition.AssertWellFormed(text);
    }

    [Fact]
    public void Render_LabelValuesWithBackslashQuoteAndNewline_Escaped()
    {
        var metrics = new MonitorMetrics(store: null, version: "a\\b\"c\nd");
        metrics.PostsRead("file:C:\\feeds\\\"new\"", 1);

        var text = metrics.Render();

        Assert.Contains("mcu_build_info{version=\"a\\\\b\\\"c\\nd\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("mcu_posts_read_total{source=\"file:C:\\\\feeds\\\\\\\"new\\\"\"} 1\n", text, StringComparison.Ordinal);
        PrometheusExposition.AssertWellFormed(text);
    }

    [Fact]
    public void Render_NothingCountedYet_EveryFamilyDeclaredOnceWithAnEmptyHistogram()
    {
        var text = new MonitorMetrics().Render();

        PrometheusExposition.AssertWellFormed(text);
        foreach (var family in new[] { "mcu_build_info", "mcu_posts_read_total", "mcu_posts_stored_total", "mcu_source_errors_total",
            "mcu_classification_seconds", "mcu_alerts_sent_total", "mcu_alerts_failed_total" })
        {
            Assert.Single(text.Split('\n'), l => l.StartsWith($"# TYPE {family} ", StringComparison.Ordinal));
            Assert.Single(text.Split('\n'), l => l.StartsWith($"# HELP {family} ", StringComparison.Ordinal));
        }

        Assert.Equal(0, PrometheusExposition.Value(text, "mcu_classification_seconds_bucket{le=\"+Inf\"}"));
        Assert.Equal(0, PrometheusExposition.Value(text, "mcu_classification_seconds_sum"));
        Assert.DoesNotContain("mcu_incidents_open", text, StringComparison.Ordinal); // no store, no gauges
    }

    [Fact]
    public void Render_DefaultVersion_IsTheAssemblysInformationalVersion()
    {
        var version = typeof(MonitorMetrics).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        Assert.Equal(1, PrometheusExposition.Value(new MonitorMetrics().Render(), $"mcu_build_info{{version=\"{version}\"}}"));
    }

    [Fact]
    public async Task Increments_FromManyThreadsAtOnce_NoneLost()
    {
        const int Threads = 8;
        const int PerThread = 50_000;
        var metrics = new MonitorMetrics();
        using var start = new Barrier(Threads);

        await Task.WhenAll(Enumerable.Range(0, Threads).Select(t => Task.Run(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < PerThread; i++)
            {
                metrics.PostsRead(i % 2 == 0 ? "vk:walls" : "ok:group:1", 1);
                metrics.PostsStored("vk:walls", 2);
                metrics.Classified(TimeSpan.FromTicks(i % 2 == 0 ? 1_000 : 100_000)); // 100 µs and 10 ms
                metrics.AlertSent("console");
            }
        })));

        var text = metrics.Render();
        const int Total = Threads * PerThread;
        Assert.Equal(Total / 2, PrometheusExposition.Value(text, "mcu_posts_read_total{source=\"vk:walls\"}"));
        Assert.Equal(Total / 2, PrometheusExposition.Value(text, "mcu_posts_read_total{source=\"ok:group:1\"}"));
        Assert.Equal(2 * Total, PrometheusExposition.Value(text, "mcu_posts_stored_total{source=\"vk:walls\"}"));
        Assert.Equal(Total, PrometheusExposition.Value(text, "mcu_alerts_sent_total{channel=\"console\"}"));
        Assert.Equal(Total / 2, PrometheusExposition.Value(text, "mcu_classification_seconds_bucket{le=\"0.0001\"}"));
        Assert.Equal(Total / 2, PrometheusExposition.Value(text, "mcu_classification_seconds_bucket{le=\"0.005\"}"));
        Assert.Equal(Total, PrometheusExposition.Value(text, "mcu_classification_seconds_bucket{le=\"0.01\"}"));
        Assert.Equal(Total, PrometheusExposition.Value(text, "mcu_classification_seconds_count"));
        Assert.Equal((Total / 2 * 0.0001) + (Total / 2 * 0.01), PrometheusExposition.Value(text, "mcu_classification_seconds_sum")!.Value, 6);
    }

    [Fact]
    public void PostsRead_NegativeCount_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MonitorMetrics().PostsRead("vk:walls", -1));

    [Fact]
    public async Task WriteAsync_AnyWriter_WritesTheRenderedTextAndFlushes()
    {
        var metrics = new MonitorMetrics(store: null, version: "1");
        metrics.PostsRead("vk:walls", 5);
        using var buffer = new MemoryStream();
        var writer = new StreamWriter(buffer); // not disposed before reading: the flush must come from WriteAsync

        await metrics.WriteAsync(writer, CancellationToken.None);

        Assert.Equal(metrics.Render(), System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", MonitorMetrics.ContentType);
    }

    [Fact]
    public async Task WriteAsync_Cancelled_WritesNothing()
    {
        using var writer = new StringWriter();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new MonitorMetrics().WriteAsync(writer, new CancellationToken(canceled: true)));
        Assert.Equal("", writer.ToString());
    }
}
