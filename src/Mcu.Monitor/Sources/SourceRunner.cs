using System.Collections.Concurrent;
using Mcu.Monitor.Observability;
using Mcu.Monitor.Pipeline;
using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Sources;

/// <summary>
/// Reads a source from its saved cursor through the pipeline. One failing source never stops the others, and
/// a source that keeps failing backs off: after n failures in a row its polls are skipped for
/// 2^(n-1) poll intervals, at most <see cref="MaxBackoff"/>, so a dead network is not hammered every minute.
/// </summary>
public sealed class SourceRunner(
    IngestPipeline pipeline, IPostStore store, SourceCatalog catalog, TimeProvider time, ILogger<SourceRunner> logger, MonitorMetrics? metrics = null)
{
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset RetryAt)> _failing = new(StringComparer.Ordinal);

    public Task<IngestSummary> RunAsync(IPostSource source, CancellationToken cancellationToken) =>
        pipeline.RunAsync(source.Id, source.ReadAsync(store.ReadCursor(source.Id), cancellationToken), cancellationToken);

    /// <summary>Polls the source unless it is backing off; never throws for the source's own failures.</summary>
    public async Task<SourceRunResult> RunSafelyAsync(SourceDefinition definition, CancellationToken cancellationToken, bool ignoreBackoff = false)
    {
        if (!ignoreBackoff && _failing.TryGetValue(definition.Id, out var state) && time.GetUtcNow() < state.RetryAt)
        {
            SourceLog.SourceBackingOff(logger, definition.Id, state.Failures, state.RetryAt);
            return new SourceRunResult(definition.Id, new IngestSummary(), $"backing off after {state.Failures} failures until {state.RetryAt:u}");
        }

        try
        {
            var summary = await RunAsync(definition.Create(), cancellationToken);
            _failing.TryRemove(definition.Id, out _);
            return new SourceRunResult(definition.Id, summary, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var failures = _failing.TryGetValue(definition.Id, out var previous) ? previous.Failures + 1 : 1;
            var delay = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, definition.PollInterval.Ticks * (1L << Math.Min(failures - 1, 16))));
            _failing[definition.Id] = (failures, time.GetUtcNow() + delay);
            metrics?.SourceFailed(definition.Id);
            SourceLog.SourceFailed(logger, ex, definition.Id, failures, delay);
            return new SourceRunResult(definition.Id, new IngestSummary(), ex.Message);
        }
    }

    /// <summary>Reads every enabled source once, one after another (<c>run --once</c>: no back-off).</summary>
    public Task<IReadOnlyList<SourceRunResult>> RunAllOnceAsync(CancellationToken cancellationToken) =>
        RunAllOnceAsync(catalog.Enabled(), cancellationToken);

    public async Task<IReadOnlyList<SourceRunResult>> RunAllOnceAsync(IEnumerable<SourceDefinition> definitions, CancellationToken cancellationToken)
    {
        var results = new List<SourceRunResult>();
        foreach (var definition in definitions)
        {
            results.Add(await RunSafelyAsync(definition, cancellationToken, ignoreBackoff: true));
        }

        return results;
    }
}
