using Mcu.Monitor.Alerts;
using Mcu.Monitor.Hosting;
using Mcu.Monitor.Incidents;
using Mcu.Monitor.Observability;
using Mcu.Monitor.Pipeline;
using Mcu.Monitor.Sources;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Mcu.Monitor.Tests.Observability;

public class ObservabilityServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddMonitorMetrics_HostReadsTheSampleFeedAndABrokenSourceThenSendsAlerts_MetricsAgreeWithWhatHappened()
    {
        using var cli = new CliRunner();
        using var host = AppHost.Build(new AppHostSettings { Overrides = cli.Settings, AlertOutput = TextWriter.Null });
        AppHost.Prepare(host);
        var broken = new SourceDefinition("file:broken", TimeSpan.FromMinutes(1), () => throw new FileNotFoundException("feed missing"))
        {
            Type = "file",
            Address = "missing.jsonl",
            DisplayName = "missing",
        };

        var results = await host.Services.GetRequiredService<SourceRunner>().RunAllOnceAsync(
            [.. host.Services.GetRequiredService<SourceCatalog>().Enabled(), broken], CancellationToken.None);
        var (delivered, failed) = await host.Services.GetRequiredService<AlertDispatcher>().DrainAsync(CancellationToken.None);

        var metrics = host.Services.GetRequiredService<MonitorMetrics>();
        var text = metrics.Render();
        PrometheusExposition.AssertWellFormed(text);
        Assert.Same(metrics, host.Services.GetRequiredService<IPipelineMetrics>()); // the pipeline counts into the same instance
        var sample = results.Single(r => r.SourceId == "file:sample").Summary;
        Assert.True(sample.Read >= 300, $"read {sample.Read}");
        Assert.Equal(sample.Read, PrometheusExposition.Value(text, "mcu_posts_read_total{source=\"file:sample\"}"));
        Assert.Equal(sample.Stored, PrometheusExposition.Value(text, "mcu_posts_stored_total{source=\"file:sample\"}"));
        Assert.Equal(sample.Read - sample.Duplicates, PrometheusExposition.Value(text, "mcu_classification_seconds_count"));
        Assert.Equal(1, PrometheusExposition.Value(text, "mcu_source_errors_total{source=\"file:broken\"}"));
        Assert.Null(PrometheusExposition.Value(text, "mcu_source_errors_total{source=\"file:sample\"}"));
        Assert.True(delivered >= sample.IncidentsOpened && sample.IncidentsOpened > 0, $"{delivered} delivered, {sample.IncidentsOpened} opened");
        Assert.Equal((double)delivered, PrometheusExposition.Value(text, "mcu_alerts_sent_total{channel=\"console\"}"));
        Assert.Equal(0, failed);
        Assert.Equal(0, PrometheusExposition.Value(text, "mcu_alert_outbox_pending"));
        var open = Count(cli, $"SELECT COUNT(*) FROM incidents WHERE status IN {IncidentLifecycle.OpenStatusesSql}");
        Assert.True(open > 0);
        Assert.Equal(open, PrometheusExposition.Value(text, "mcu_incidents_open"));
        // The sample feed spans days, so some of its appeals are overdue as soon as they are read.
        Assert.InRange(PrometheusExposition.Value(text, "mcu_incidents_overdue")!.Value, 1, open);
        Assert.Equal(Count(cli, "SELECT COUNT(*) FROM index_outbox"), PrometheusExposition.Value(text, "mcu_index_outbox_pending")); // Elasticsearch is off
    }

    private static long Count(CliRunner cli, string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={cli.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
