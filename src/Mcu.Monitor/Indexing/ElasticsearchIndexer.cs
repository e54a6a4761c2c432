using System.Globalization;
using Mcu.Monitor.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Indexing;

/// <summary>
/// Drains the index outbox into Elasticsearch in batches of at most <see cref="ElasticsearchOptions.BatchSize"/>
/// rows. Documents are built from SQLite as they are now, so an old row sends the newest document with its newest
/// version. A row is marked indexed only after its item succeeded (or was already current); anything else is
/// retried with capped backoff or, for a mapping error, dead-lettered. An outage only grows the outbox.
/// </summary>
public sealed class ElasticsearchIndexer(
    SqliteIndexOutbox outbox,
    ElasticsearchBulkWriter writer,
    IOptions<ElasticsearchOptions> options,
    TimeProvider time,
    ILogger<ElasticsearchIndexer> logger) : IDisposable
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private long _indexed;
    private long _retried;
    private long _dead;
    private bool _failing;

    /// <summary>Outbox rows marked indexed since start (including items Elasticsearch already held at that version or newer).</summary>
    public long IndexedCount => Interlocked.Read(ref _indexed);

    /// <summary>Outbox rows put back for a later attempt since start.</summary>
    public long RetriedCount => Interlocked.Read(ref _retried);

    /// <summary>Outbox rows dead-lettered (mapping or parsing errors) since start.</summary>
    public long DeadCount => Interlocked.Read(ref _dead);

    /// <summary>Sends one batch of due rows; <see cref="IndexingRound.Rows"/> equal to the batch size means more may be due.</summary>
    public async Task<IndexingRound> RunOnceAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            return await RoundAsync(cancellationToken);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>Rounds until nothing is due now (rows waiting for their backoff stay for later).</summary>
    public async Task<IndexingRound> DrainAsync(CancellationToken cancellationToken)
    {
        var total = IndexingRound.Empty;
        while (true)
        {
            var round = await RunOnceAsync(cancellationToken);
            total = new IndexingRound(total.Rows + round.Rows, total.Indexed + round.Indexed, total.Retried + round.Retried, total.Dead + round.Dead);
            if (round.Rows < options.Value.BatchSize)
            {
                return total;
            }
        }
    }

    public void Dispose() => _oneAtATime.Dispose();

    private async Task<IndexingRound> RoundAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var due = outbox.LoadDue(time.GetUtcNow(), o.BatchSize);
        if (due.Count == 0)
        {
            return IndexingRound.Empty;
        }

        var postKeys = due.Where(r => r.DocType == IndexDocumentTypes.Post).Select(r => r.DocId).Distinct(StringComparer.Ordinal).ToList();
        var incidentIds = due.Where(r => r.DocType == IndexDocumentTypes.Incident)
            .Select(r => long.TryParse(r.DocId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (long?)null)
            .OfType<long>().Distinct().ToList();
        var posts = outbox.ReadPosts(postKeys);
        var incidents = outbox.ReadIncidents(incidentIds);

        var result = await writer.WriteAsync(posts, incidents, cancellationToken);
        var byDocument = result.Items.ToDictionary(i => (i.DocType, i.DocId));

        var now = time.GetUtcNow();
        var done = new List<long>();
        var retry = new List<(IndexOutboxItem Row, string Error)>();
        var dead = new List<(IndexOutboxItem Row, string Error)>();
        foreach (var row in due)
        {
            if (!byDocument.TryGetValue((row.DocType, row.DocId), out var item))
            {
                // Every outbox row is written with its document in one transaction, so this is a bug or a hand edit.
                IndexingLog.MissingDocument(logger, row.Id, row.DocType, row.DocId);
                dead.Add((row, "document not found in SQLite"));
                continue;
            }

            switch (item.Outcome)
            {
                case BulkOutcome.Indexed or BulkOutcome.AlreadyCurrent:
                    done.Add(row.Id);
                    break;
                case BulkOutcome.Dead:
                    IndexingLog.DeadLettered(logger, row.DocType, row.DocId, item.Error ?? "");
                    dead.Add((row, item.Error ?? "refused"));
                    break;
                default:
                    retry.Add((row, item.Error ?? "retry"));
                    break;
            }
        }

        outbox.MarkIndexed(done, now);
        foreach (var group in dead.GroupBy(d => d.Error, StringComparer.Ordinal))
        {
            outbox.MarkDead([.. group.Select(d => d.Row.Id)], group.Key, now);
        }

        foreach (var group in retry.GroupBy(r => (r.Error, r.Row.Attempts)))
        {
            var next = now + Backoff(o, group.Key.Attempts + 1);
            outbox.MarkRetry([.. group.Select(r => r.Row.Id)], group.Key.Error, next);
            IndexingLog.WillRetry(logger, group.Count(), group.Key.Error, next);
        }

        Interlocked.Add(ref _indexed, done.Count);
        Interlocked.Add(ref _retried, retry.Count);
        Interlocked.Add(ref _dead, dead.Count);
        if (result.RequestError is null && _failing)
        {
            IndexingLog.Recovered(logger);
        }

        _failing = result.RequestError is not null;
        IndexingLog.Round(logger, done.Count, result.Items.Count(i => i.Outcome == BulkOutcome.AlreadyCurrent), retry.Count, dead.Count);
        return new IndexingRound(due.Count, done.Count, retry.Count, dead.Count);
    }

    /// <summary>The delay after <paramref name="failures"/> failed attempts: RetryDelay, doubling per failure, capped at MaxRetryDelay.</summary>
    public static TimeSpan Backoff(ElasticsearchOptions options, int failures)
    {
        ArgumentNullException.ThrowIfNull(options);
        var doublings = Math.Clamp(failures - 1, 0, 20);
        var ticks = options.RetryDelay.Ticks * (1L << doublings);
        return TimeSpan.FromTicks(ticks <= 0 || ticks > options.MaxRetryDelay.Ticks ? options.MaxRetryDelay.Ticks : ticks);
    }
}
