using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Indexing;

/// <summary>Indexing log events, ids 3000–3099. Document ids, statuses and error types only: no texts, no credentials.</summary>
internal static partial class IndexingLog
{
    [LoggerMessage(3000, LogLevel.Debug, "Indexed {Indexed} documents ({Current} already current), {Retried} to retry, {Dead} dead-lettered")]
    public static partial void Round(ILogger logger, int indexed, int current, int retried, int dead);

    [LoggerMessage(3001, LogLevel.Warning, "Elasticsearch refused {DocType} {DocId} for good ({Error}); dead-lettered in the index outbox")]
    public static partial void DeadLettered(ILogger logger, string docType, string docId, string error);

    [LoggerMessage(3002, LogLevel.Warning, "{Count} documents not indexed ({Error}); retrying from {NextAttempt:u}")]
    public static partial void WillRetry(ILogger logger, int count, string error, DateTimeOffset nextAttempt);

    [LoggerMessage(3003, LogLevel.Error, "An indexing round failed; the next round retries")]
    public static partial void RoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(3004, LogLevel.Information, "Indexing into Elasticsearch at {Url}: posts '{PostsPrefix}-*' (alias {PostsAlias}), incidents {IncidentsIndex}")]
    public static partial void Started(ILogger logger, string url, string postsPrefix, string postsAlias, string incidentsIndex);

    [LoggerMessage(3005, LogLevel.Warning, "Elasticsearch setup failed ({Error}); indexing waits and retries in {Delay}")]
    public static partial void SetupFailed(ILogger logger, string error, TimeSpan delay);

    [LoggerMessage(3006, LogLevel.Information, "Elasticsearch: {Step}")]
    public static partial void SetupStep(ILogger logger, string step);

    [LoggerMessage(3007, LogLevel.Warning, "Index outbox row {RowId} names {DocType} {DocId}, which is not in SQLite; dead-lettered")]
    public static partial void MissingDocument(ILogger logger, long rowId, string docType, string docId);

    [LoggerMessage(3008, LogLevel.Information, "Index rebuild: {Posts} posts and {Incidents} incidents sent, {Current} already current, {Dead} refused, {Failed} failed")]
    public static partial void Rebuilt(ILogger logger, int posts, int incidents, int current, int dead, int failed);

    [LoggerMessage(3009, LogLevel.Information, "Elasticsearch reachable again: the index outbox drains")]
    public static partial void Recovered(ILogger logger);

    [LoggerMessage(3010, LogLevel.Warning, "Index rebuild: {Count} documents still not indexed after {Attempts} attempts ({Error}); the index outbox or another rebuild sends them")]
    public static partial void RebuildGaveUp(ILogger logger, int count, int attempts, string error);
}
