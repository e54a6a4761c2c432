using Mcu.Monitor.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Indexing;

/// <summary>
/// <c>index rebuild</c>: every post and incident in SQLite, through the indexer's bulk path, page by page. The
/// versions are the outbox versions, so a rebuild next to a running worker never puts an older document over a
/// newer one; the outbox is left alone (its rows then meet <c>409</c> and count as done).
/// </summary>
public sealed class IndexRebuild(
    SqliteIndexOutbox outbox,
    ElasticsearchBulkWriter writer,
    IOptions<ElasticsearchOptions> options,
    TimeProvider time,
    ILogger<IndexRebuild> logger)
{
    /// <summary>Attempts per page for items Elasticsearch asks to retry (429, 5xx).</summary>
    public const int MaxAttempts = 4;

    public async Task<IndexRebuildResult> RunAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var total = new IndexRebuildResult(0, 0, 0, 0, 0);
        foreach (var page in outbox.ReadAllPosts(o.BatchSize).Chunk(o.BatchSize))
        {
            total = Add(total, await WritePageAsync(page, [], cancellationToken));
        }

        foreach (var page in outbox.ReadAllIncidents().Chunk(o.BatchSize))
        {
            total = Add(total, await WritePageAsync([], page, cancellationToken));
        }

        IndexingLog.Rebuilt(logger, total.Posts, total.Incidents, total.AlreadyCurrent, total.Dead, total.Failed);
        return total;
    }

    private async Task<IndexRebuildResult> WritePageAsync(
        IReadOnlyList<PostDocument> posts, IReadOnlyList<IncidentDocument> incidents, CancellationToken cancellationToken)
    {
        int written = 0, writtenIncidents = 0, current = 0, dead = 0;
        for (var attempt = 1; ; attempt++)
        {
            var result = await writer.WriteAsync(posts, incidents, cancellationToken);
            if (result.RequestError is not null && attempt >= MaxAttempts)
            {
                // The cluster is away: stop instead of walking the whole database into the same error.
                throw new ElasticsearchRequestException($"bulk request failed {MaxAttempts} times: {result.RequestError}");
            }

            foreach (var item in result.Items)
            {
                switch (item.Outcome)
                {
                    case BulkOutcome.Indexed when item.DocType == IndexDocumentTypes.Post:
                        written++;
                        break;
                    case BulkOutcome.Indexed:
                        writtenIncidents++;
                        break;
                    case BulkOutcome.AlreadyCurrent:
                        current++;
                        break;
                    case BulkOutcome.Dead:
                        IndexingLog.DeadLettered(logger, item.DocType, item.DocId, item.Error ?? "");
                        dead++;
                        break;
                }
            }

            var retry = result.Items.Where(i => i.Outcome == BulkOutcome.Retry).Select(i => (i.DocType, i.DocId)).ToHashSet();
            if (retry.Count == 0)
            {
                return new IndexRebuildResult(written, writtenIncidents, current, dead, 0);
            }

            if (attempt >= MaxAttempts)
            {
                IndexingLog.RebuildGaveUp(logger, retry.Count, attempt, result.Items.First(i => i.Outcome == BulkOutcome.Retry).Error ?? "");
                return new IndexRebuildResult(written, writtenIncidents, current, dead, retry.Count);
            }

            posts = [.. posts.Where(p => retry.Contains((IndexDocumentTypes.Post, p.Id)))];
            incidents = [.. incidents.Where(i => retry.Contains((IndexDocumentTypes.Incident, i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))))];
            await Task.Delay(ElasticsearchIndexer.Backoff(options.Value, attempt), time, cancellationToken);
        }
    }

    private static IndexRebuildResult Add(IndexRebuildResult a, IndexRebuildResult b) =>
        new(a.Posts + b.Posts, a.Incidents + b.Incidents, a.AlreadyCurrent + b.AlreadyCurrent, a.Dead + b.Dead, a.Failed + b.Failed);
}
