using System.Reflection;
using System.Text;
using Mcu.Monitor.Pipeline;

namespace Mcu.Monitor.Observability;

/// <summary>
/// The worker's Prometheus metrics, served at <c>/metrics</c> of the web console (issue #8). Counters and the
/// classification histogram live in memory from the start of the process and are updated lock-free from the
/// pipeline, the source runner and the alert dispatcher; the gauges are counted in SQLite at each scrape
/// (<see cref="SqliteStoreGauges"/>), so they are true whichever process changed the database.
/// </summary>
/// <remarks>
/// Over HTTP: set the response's content type to <see cref="ContentType"/> and call <see cref="WriteAsync"/> with a
/// UTF-8 writer over the body (<c>await using</c> it: Kestrel refuses synchronous writes), or return <see cref="Render"/>.
/// </remarks>
public sealed class MonitorMetrics : IPipelineMetrics
{
    /// <summary>The content type of the text exposition format 0.0.4 that <see cref="Render"/> produces.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>
    /// Seconds. With the shipped models most posts take 0.1–0.5 ms (measured on 50,000 synthetic posts on a busy
    /// 2-core machine), the lexicon less; the upper buckets catch a stalled thread or a garbage collection.
    /// </summary>
    internal static readonly double[] ClassificationBuckets = [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1];

    private readonly SqliteStoreGauges? _store;
    private readonly string _version;

    private readonly CounterFamily _postsRead = new("mcu_posts_read_total", "Posts read from a source, duplicates included.", "source");
    private readonly CounterFamily _postsStored = new("mcu_posts_stored_total", "New posts stored from a source.", "source");
    private readonly CounterFamily _sourceErrors = new("mcu_source_errors_total", "Polls of a source that failed.", "source");
    private readonly LatencyHistogram _classification = new("mcu_classification_seconds", "Time to classify one post.", ClassificationBuckets);
    private readonly CounterFamily _alertsSent = new("mcu_alerts_sent_total", "Incident alerts delivered, by the channel that took them.", "channel");
    private readonly CounterFamily _alertsFailed = new("mcu_alerts_failed_total", "Incident alert delivery attempts that failed (retried later).", "channel");

    /// <param name="store">Where the gauges are counted; without it only the in-memory metrics are written.</param>
    public MonitorMetrics(SqliteStoreGauges? store = null)
        : this(store, typeof(MonitorMetrics).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown")
    {
    }

    /// <summary>With a given version, for tests that compare the whole text.</summary>
    internal MonitorMetrics(SqliteStoreGauges? store, string version)
    {
        _store = store;
        _version = version;
    }

    public void PostsRead(string sourceId, int count) => _postsRead.Add(sourceId, count);

    public void PostsStored(string sourceId, int count) => _postsStored.Add(sourceId, count);

    public void Classified(TimeSpan elapsed) => _classification.Observe(elapsed);

    /// <summary>A poll of the source failed (the source runner backs off and tries later).</summary>
    public void SourceFailed(string sourceId) => _sourceErrors.Add(sourceId, 1);

    /// <summary>An incident alert was delivered through <paramref name="channel"/> (the fallback's, if it took over).</summary>
    public void AlertSent(string channel) => _alertsSent.Add(channel, 1);

    /// <summary>An attempt to deliver an incident alert through <paramref name="channel"/> failed.</summary>
    public void AlertFailed(string channel) => _alertsFailed.Add(channel, 1);

    /// <summary>
    /// Every metric in the text exposition format. Reads the database for the gauges; a database that can't be read
    /// throws, so the scrape fails visibly (<c>up</c> = 0) instead of showing gauges that are silently missing.
    /// </summary>
    public string Render()
    {
        // Read first: a failure leaves no half-written text behind.
        var gauges = _store?.Read();
        var text = new StringBuilder(4096);
        PrometheusText.Family(text, "mcu_build_info", "gauge", "The running build; always 1.");
        PrometheusText.Sample(text, "mcu_build_info", "version", _version, 1);
        _postsRead.WriteTo(text);
        _postsStored.WriteTo(text);
        _sourceErrors.WriteTo(text);
        _classification.WriteTo(text);
        _alertsSent.WriteTo(text);
        _alertsFailed.WriteTo(text);
        if (gauges is not null)
        {
            Gauge(text, "mcu_alert_outbox_pending", "Incident alerts not delivered yet.", gauges.AlertOutboxPending);
            Gauge(text, "mcu_index_outbox_pending", "Search index changes not indexed yet (grows while Elasticsearch is disabled).", gauges.IndexOutboxPending);
            Gauge(text, "mcu_index_outbox_dead", "Search index changes given up on.", gauges.IndexOutboxDead);
            Gauge(text, "mcu_incidents_open", "Incidents in an open status.", gauges.IncidentsOpen);
            Gauge(text, "mcu_incidents_overdue", "Open incidents past the reaction deadline with no reaction, or past the answer deadline.", gauges.IncidentsOverdue);
        }

        return text.ToString();
    }

    /// <summary>Writes <see cref="Render"/> to <paramref name="writer"/> and flushes it.</summary>
    public async Task WriteAsync(TextWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        cancellationToken.ThrowIfCancellationRequested();
        await writer.WriteAsync(Render().AsMemory(), cancellationToken);
        await writer.FlushAsync(cancellationToken);
    }

    private static void Gauge(StringBuilder text, string name, string help, long value)
    {
        PrometheusText.Family(text, name, "gauge", help);
        PrometheusText.Sample(text, name, value);
    }
}
