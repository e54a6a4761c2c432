using System.Collections.Concurrent;
using System.Globalization;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using Mcu.Monitor.Storage;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Indexing;

/// <summary>
/// The one bulk path of the indexer and of <c>index rebuild</c>: deterministic <c>_id</c>s (post key, incident id),
/// <c>version</c> + <c>version_type=external</c> from the document's outbox version so an older write never
/// replaces a newer one, posts into the index of their own month, and a verdict for every item (ELASTIC.md §3.2–3.4).
/// </summary>
public sealed class ElasticsearchBulkWriter(ElasticsearchClient client, IOptions<ElasticsearchOptions> options)
{
    /// <summary>Error types that no retry can cure: the document does not fit the strict mapping.</summary>
    private static readonly HashSet<string> MappingErrors = new(StringComparer.Ordinal)
    {
        "document_parsing_exception",
        "mapper_parsing_exception",
        "strict_dynamic_mapping_exception",
    };

    /// <summary>Monthly indices this process has created (or found) with their ILM origination date.</summary>
    private readonly ConcurrentDictionary<string, bool> _preparedIndices = new(StringComparer.Ordinal);

    public async Task<BulkWriteResult> WriteAsync(
        IReadOnlyList<PostDocument> posts, IReadOnlyList<IncidentDocument> incidents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(posts);
        ArgumentNullException.ThrowIfNull(incidents);
        var o = options.Value;
        var keys = new List<(string Type, string Id, long Version)>(posts.Count + incidents.Count);
        var operations = new BulkOperationsCollection();
        foreach (var post in posts)
        {
            operations.Add(new BulkIndexOperation<PostDocument>(post)
            {
                Index = IndexNames.PostIndex(o.PostsIndexPrefix, post.PublishedAt),
                Id = post.Id,
                Version = post.Version,
                VersionType = VersionType.External,
            });
            keys.Add((IndexDocumentTypes.Post, post.Id, post.Version));
        }

        foreach (var incident in incidents)
        {
            var id = incident.Id.ToString(CultureInfo.InvariantCulture);
            operations.Add(new BulkIndexOperation<IncidentDocument>(incident)
            {
                // The concrete index, not the alias: the alias may later move to -v2 while this worker still writes v1.
                Index = o.IncidentsIndex,
                Id = id,
                Version = incident.Version,
                VersionType = VersionType.External,
            });
            keys.Add((IndexDocumentTypes.Incident, id, incident.Version));
        }

        if (keys.Count == 0)
        {
            return new BulkWriteResult([], null);
        }

        var prepareError = await PrepareMonthIndicesAsync(posts, cancellationToken);
        if (prepareError is not null)
        {
            return AllRetry(keys, prepareError);
        }

        BulkResponse response;
        try
        {
            response = await client.BulkAsync(new BulkRequest { Operations = operations }, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A refused connection or a timeout: nothing is known to be written, so everything is sent again later.
            return AllRetry(keys, new ElasticsearchReply(null, "", ex).Describe());
        }

        var details = response.ApiCallDetails;
        if (details is null || !details.HasSuccessfulStatusCode || response.Items is null || response.Items.Count != keys.Count)
        {
            var reply = new ElasticsearchReply(details?.HttpStatusCode, "", details?.OriginalException);
            return AllRetry(keys, reply.Status is null ? reply.Describe() : $"HTTP {reply.Status} (bulk request)");
        }

        var results = new List<BulkItemResult>(keys.Count);
        var i = 0;
        foreach (var item in response.Items)
        {
            var (type, id, version) = keys[i++];
            var (outcome, error) = Judge(item.Status, item.Error?.Type);
            results.Add(new BulkItemResult(type, id, version, outcome, error));
        }

        return new BulkWriteResult(results, null);
    }

    /// <summary>The verdict on one bulk item (ELASTIC.md §3.3).</summary>
    public static (BulkOutcome Outcome, string? Error) Judge(int status, string? errorType)
    {
        var error = $"HTTP {status.ToString(CultureInfo.InvariantCulture)}{(errorType is null ? "" : " " + errorType)}";
        return status switch
        {
            >= 200 and < 300 => (BulkOutcome.Indexed, null),
            409 => (BulkOutcome.AlreadyCurrent, null),
            400 when errorType is not null && MappingErrors.Contains(errorType) => (BulkOutcome.Dead, error),
            // 429, 5xx, and anything not known to be the document's fault (403 before a role is fixed, a closed
            // index): retried with the capped backoff, visible in the outbox's last_error meanwhile.
            _ => (BulkOutcome.Retry, error),
        };
    }

    /// <summary>
    /// Creates each month's index before its first write, with <c>index.lifecycle.origination_date</c> at the end
    /// of that month: ILM then counts retention from the month's newest post, even when the month is written
    /// long after (a rebuild or a backlog), instead of from the day the index happened to be created.
    /// </summary>
    private async Task<string?> PrepareMonthIndicesAsync(IReadOnlyList<PostDocument> posts, CancellationToken cancellationToken)
    {
        var prefix = options.Value.PostsIndexPrefix;
        foreach (var month in posts.GroupBy(p => IndexNames.PostIndex(prefix, p.PublishedAt), StringComparer.Ordinal))
        {
            if (_preparedIndices.ContainsKey(month.Key))
            {
                continue;
            }

            var origination = IndexNames.EndOfMonth(month.First().PublishedAt).ToUnixTimeMilliseconds();
            var body = """{"settings":{"index.lifecycle.origination_date":""" + origination.ToString(CultureInfo.InvariantCulture) + "}}";
            var reply = await ElasticsearchRequests.SendAsync(client, Elastic.Transport.HttpMethod.PUT, "/" + month.Key, body, cancellationToken);
            if (!reply.IsSuccess && reply.ErrorType != "resource_already_exists_exception")
            {
                return $"{reply.Describe()} (creating index {month.Key})";
            }

            _preparedIndices[month.Key] = true;
        }

        return null;
    }

    private static BulkWriteResult AllRetry(List<(string Type, string Id, long Version)> keys, string error) =>
        new([.. keys.Select(k => new BulkItemResult(k.Type, k.Id, k.Version, BulkOutcome.Retry, error))], error);
}
