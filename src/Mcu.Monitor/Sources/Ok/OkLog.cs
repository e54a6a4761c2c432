using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Sources.Ok;

/// <summary>OK source log events, ids 2200–2299. Methods, codes and ids only: never post texts, keys or tokens.</summary>
internal static partial class OkLog
{
    [LoggerMessage(2200, LogLevel.Debug, "OK {Method}: call, attempt {Attempt}")]
    public static partial void Calling(ILogger logger, string method, int attempt);

    [LoggerMessage(2201, LogLevel.Warning, "OK {Method} failed with a transient error {ErrorCode} ({Kind}); retry {Retry} of {MaxRetries} in {Delay}")]
    public static partial void RetryingTransient(ILogger logger, string method, int errorCode, OkErrorKind kind, int retry, int maxRetries, TimeSpan delay);

    [LoggerMessage(2202, LogLevel.Error, "OK rejected the application credentials in {Method} with error {ErrorCode}; OK calls are paused until {Until}")]
    public static partial void CredentialsRejected(ILogger logger, string method, int errorCode, DateTimeOffset until);

    [LoggerMessage(2203, LogLevel.Information, "OK {Method} refused without a call: the credentials were rejected (error {ErrorCode}) and calls are paused until {Until}")]
    public static partial void CredentialsPaused(ILogger logger, string method, int errorCode, DateTimeOffset until);

    [LoggerMessage(2204, LogLevel.Warning, "Source {SourceId}: the group cannot be read (OK error {ErrorCode}, {Kind}); it is skipped until its next poll")]
    public static partial void GroupUnavailable(ILogger logger, string sourceId, int errorCode, OkErrorKind kind);

    [LoggerMessage(2205, LogLevel.Warning, "Source {SourceId}: comments of topic {TopicId} cannot be read (OK error {ErrorCode}, {Kind}); the topic is kept, its comments skipped")]
    public static partial void CommentsUnavailable(ILogger logger, string sourceId, string topicId, int errorCode, OkErrorKind kind);

    [LoggerMessage(2206, LogLevel.Debug, "Source {SourceId}: an item was skipped: {Reason}")]
    public static partial void ItemSkipped(ILogger logger, string sourceId, string reason);

    [LoggerMessage(2207, LogLevel.Information, "Source {SourceId}: read {Topics} new topics and {Comments} comments in {Calls} calls")]
    public static partial void PollRead(ILogger logger, string sourceId, int topics, int comments, int calls);

    [LoggerMessage(2208, LogLevel.Warning, "Source {SourceId}: more new topics than {Pages} pages hold; older new topics of this interval are not read (raise Sources:Ok:MaxPagesPerPoll or poll more often)")]
    public static partial void TopicsGap(ILogger logger, string sourceId, int pages);

    [LoggerMessage(2209, LogLevel.Warning, "Source {SourceId}: the saved cursor cannot be read; starting from the comment window (stored posts are not stored twice)")]
    public static partial void CursorUnreadable(ILogger logger, string sourceId);
}
