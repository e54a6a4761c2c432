using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Sources.Vk;

/// <summary>VK reader log events, ids 2100–2199. Ids, codes and counts only: never tokens, never post texts.</summary>
internal static partial class VkLog
{
    [LoggerMessage(2100, LogLevel.Warning, "VK {Method}: error {Code}, retry {Attempt} in {Delay}")]
    public static partial void Retrying(ILogger logger, string method, int code, int attempt, TimeSpan delay);

    [LoggerMessage(2101, LogLevel.Error, "VK {Method}: error {Code}, the service token is refused; it is not used again until restart")]
    public static partial void TokenDisabled(ILogger logger, string method, int code);

    [LoggerMessage(2102, LogLevel.Warning, "VK {Method}: error {Code} (captcha_sid {CaptchaSid}), the token rests until {Until}")]
    public static partial void TokenPaused(ILogger logger, string method, int code, string? captchaSid, DateTimeOffset until);

    [LoggerMessage(2103, LogLevel.Warning, "VK {Method}: daily quota reached (error 29), the method rests until {Until}")]
    public static partial void MethodSuspended(ILogger logger, string method, DateTimeOffset until);

    [LoggerMessage(2104, LogLevel.Warning, "Source {SourceId}: community {Community} skipped this poll: VK error {Code}")]
    public static partial void CommunitySkipped(ILogger logger, string sourceId, string community, int code);

    [LoggerMessage(2105, LogLevel.Warning, "Source {SourceId}: community {Community} is not readable (VK error {Code}); check the configuration")]
    public static partial void BadCommunity(ILogger logger, string sourceId, string community, int code);

    [LoggerMessage(2106, LogLevel.Warning, "Source {SourceId}: read stopped by VK error {Code}; what was read is kept")]
    public static partial void ReadStopped(ILogger logger, string sourceId, int code);

    [LoggerMessage(2107, LogLevel.Debug, "VK community {Community} resolved to {OwnerId}")]
    public static partial void CommunityResolved(ILogger logger, string community, long ownerId);

    [LoggerMessage(2108, LogLevel.Warning, "Source {SourceId}: community {Community}: {Max} posts read this poll; older ones are read in the next polls")]
    public static partial void WallTruncated(ILogger logger, string sourceId, string community, int max);

    [LoggerMessage(2109, LogLevel.Warning, "Source {SourceId}: comments of post {OwnerId}_{PostId} skipped: VK error {Code}")]
    public static partial void CommentsSkipped(ILogger logger, string sourceId, long ownerId, long postId, int code);

    [LoggerMessage(2110, LogLevel.Warning, "Source {SourceId}: query #{QueryIndex} skipped this poll: VK error {Code}")]
    public static partial void QuerySkipped(ILogger logger, string sourceId, int queryIndex, int code);

    [LoggerMessage(2111, LogLevel.Warning, "Source {SourceId}: the saved cursor does not parse; reading as if there were none")]
    public static partial void CursorUnreadable(ILogger logger, string sourceId);

    [LoggerMessage(2112, LogLevel.Warning, "Source {SourceId}: item {OwnerId}_{ItemId} skipped: {Reason}")]
    public static partial void ItemSkipped(ILogger logger, string sourceId, long ownerId, long itemId, string reason);

    [LoggerMessage(2113, LogLevel.Information, "Source {SourceId}: {Communities} communities read, {Posts} new posts")]
    public static partial void WallsRead(ILogger logger, string sourceId, int communities, int posts);

    [LoggerMessage(2114, LogLevel.Warning, "Source {SourceId}: not read this poll: {Reason}")]
    public static partial void SourceResting(ILogger logger, string sourceId, string reason);

    [LoggerMessage(2115, LogLevel.Warning, "Source {SourceId}: community {Community}: wall pages repeat at offset {Offset}; read stopped, the rest is read next poll")]
    public static partial void WallPagesRepeat(ILogger logger, string sourceId, string community, int offset);

    [LoggerMessage(2116, LogLevel.Warning, "Source {SourceId}: community {Community} is not readable (VK error {Code}); not tried again until {Until}")]
    public static partial void CommunityUnavailable(ILogger logger, string sourceId, string community, int code, DateTimeOffset until);

    [LoggerMessage(2117, LogLevel.Debug, "Source {SourceId}: community {Community} rests until {Until}")]
    public static partial void CommunityResting(ILogger logger, string sourceId, string community, DateTimeOffset until);

    [LoggerMessage(2118, LogLevel.Information, "Source {SourceId}: community {Community}: the wall shifted since the last poll; the catch-up starts again from the top")]
    public static partial void WallShifted(ILogger logger, string sourceId, string community);
}
