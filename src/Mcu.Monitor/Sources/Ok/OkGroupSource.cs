using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Mcu.Monitor.Alerts;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Sources.Ok.Models;
using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Sources.Ok;

/// <summary>
/// One Odnoklassniki group as a source (<c>ok:group:&lt;gid&gt;</c>): its new topics, oldest first, then the new
/// comments of the topics still in the comment window, each topic's comments oldest first. The cursor
/// (<see cref="OkGroupCursor"/>, JSON) holds the newest topic read and each followed topic's comment anchor;
/// the cursor after an item already counts that item, so a restart continues after the last committed item.
/// Inside a comment page the cursor keeps the page's start anchor until its last comment, so a crash mid-page
/// re-reads that page and the pipeline's deduplication drops what was stored.
/// </summary>
internal sealed class OkGroupSource(
    OkGroupOptions group,
    OkOptions options,
    string municipality,
    OkApiClient client,
    IOperatorAlerts alerts,
    TimeProvider time,
    ILogger logger) : IPostSource
{
    private static readonly TimeSpan MoscowOffset = TimeSpan.FromHours(3);

    private int _calls;

    public string Id { get; } = SourceId(group.Id);

    public static string SourceId(string groupId) => "ok:group:" + groupId;

    public static string AlertKey(string groupId) => "ok-source:" + groupId;

    public async IAsyncEnumerable<SourceItem> ReadAsync(string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        _calls = 0;
        var now = time.GetUtcNow();
        var windowStart = (now - options.CommentWindow).ToUnixTimeMilliseconds();
        var state = ParseCursor(cursor) ?? new OkGroupCursor { Ms = windowStart };

        var read = await ReadNewTopicsAsync(state, cancellationToken);
        if (read is null)
        {
            yield break;
        }

        var (newTopics, commentCounts) = read.Value;
        var topics = 0;
        var comments = 0;
        foreach (var topic in newTopics)
        {
            state.Ms = topic.CreatedMs!.Value;
            state.Id = topic.Id;
            state.Topics.Add(new OkTrackedTopic { Id = topic.Id!, Ms = topic.CreatedMs.Value });
            Prune(state, windowStart);
            topics++;
            yield return new SourceItem(MapTopic(topic), Serialize(state));
        }

        Prune(state, windowStart);
        var nowMs = now.ToUnixTimeMilliseconds();
        var rereadBefore = (now - options.CommentsFullRereadInterval).ToUnixTimeMilliseconds();
        foreach (var tracked in state.Topics.OrderBy(t => t.Ms).ThenBy(t => t.Id, StringComparer.Ordinal).ToList())
        {
            var known = commentCounts.TryGetValue(tracked.Id, out var count) ? count : -1;
            if (known == 0 || (known > 0 && known == tracked.Count && tracked.ReadMs > rereadBefore))
            {
                // The topic's summary says nothing new: save the call. An unchanged count can still hide a new
                // comment when another was deleted, so the shortcut lasts only CommentsFullRereadInterval.
                continue;
            }

            await foreach (var item in ReadCommentsAsync(state, tracked, known, nowMs, cancellationToken))
            {
                comments += item.Post is null ? 0 : 1;
                yield return item;
            }
        }

        OkLog.PollRead(logger, Id, topics, comments, _calls);
    }

    /// <summary>The topics newer than the cursor, oldest first, and every listed topic's comment count; null when the group cannot be read.</summary>
    private async Task<(List<OkMediaTopic> Topics, Dictionary<string, long> CommentCounts)?> ReadNewTopicsAsync(OkGroupCursor state, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, OkMediaTopic>(StringComparer.Ordinal);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        string? anchor = null;
        for (var page = 1; ; page++)
        {
            OkTopicsResponse response;
            try
            {
                _calls++;
                response = await client.GetTopicsAsync(group.Id, anchor, options.TopicsPageSize, cancellationToken);
            }
            catch (OkApiException ex) when (ex.Kind is OkErrorKind.Unavailable or OkErrorKind.BadRequest)
            {
                // A closed, deleted or mistyped group: tell the operators and let the other groups go on.
                OkLog.GroupUnavailable(logger, Id, ex.ErrorCode, ex.Kind);
                alerts.Raise(AlertKey(group.Id),
                    $"Группа Одноклассников {group.Id}{(string.IsNullOrWhiteSpace(group.Name) ? "" : $" «{group.Name}»")} не читается (ошибка OK {ex.ErrorCode}): проверьте, что она открыта и существует (Sources:Ok:Groups).");
                return null;
            }

            // Pages are newest first, but a pinned topic heads the first page whatever its age: only the page's last
            // (oldest) topic tells whether the cursor has been reached.
            var lastIsOld = false;
            foreach (var topic in response.MediaTopics ?? [])
            {
                if (topic?.CreatedMs is null || !IsUsableId(topic.Id))
                {
                    OkLog.ItemSkipped(logger, Id, "a topic without a usable id or created_ms");
                    continue;
                }

                counts[topic.Id!] = topic.DiscussionSummary?.CommentsCount ?? -1;
                lastIsOld = !IsNewer(topic, state);
                if (!lastIsOld)
                {
                    found.TryAdd(topic.Id!, topic);
                }
            }

            var more = response.HasMore == true && !string.IsNullOrEmpty(response.Anchor) && response.Anchor != anchor;
            if (lastIsOld || !more)
            {
                break;
            }

            if (page >= options.MaxPagesPerPoll)
            {
                OkLog.TopicsGap(logger, Id, page);
                break;
            }

            anchor = response.Anchor;
        }

        var ordered = found.Values.OrderBy(t => t.CreatedMs).ThenBy(t => t.Id, StringComparer.Ordinal).ToList();
        return (ordered, counts);
    }

    private async IAsyncEnumerable<SourceItem> ReadCommentsAsync(
        OkGroupCursor state, OkTrackedTopic tracked, long knownCount, long nowMs, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var parent = new PostKey(Network.Ok, group.Id, tracked.Id);
        var url = TopicUrl(tracked.Id);
        var anchor = tracked.Anchor;
        for (var page = 1; page <= options.MaxPagesPerPoll; page++)
        {
            var response = await GetCommentsOrSkipAsync(tracked.Id, anchor, cancellationToken);
            if (response is null)
            {
                yield break;
            }

            var next = string.IsNullOrEmpty(response.Anchor) ? anchor : response.Anchor;
            var more = response.HasMore == true && next != anchor;
            var posts = new List<Post>();
            foreach (var comment in response.Comments ?? [])
            {
                if (MapComment(comment, parent, url) is { } post)
                {
                    posts.Add(post);
                }
            }

            posts.Sort((a, b) => a.PublishedAt.CompareTo(b.PublishedAt));
            for (var i = 0; i < posts.Count; i++)
            {
                var last = i == posts.Count - 1;
                tracked.Anchor = last ? next : anchor;
                if (last && !more)
                {
                    tracked.Count = knownCount;
                    tracked.ReadMs = nowMs;
                }

                yield return new SourceItem(posts[i], Serialize(state));
            }

            if (!more)
            {
                if (posts.Count == 0 && (tracked.Anchor != next || tracked.Count != knownCount || knownCount > 0))
                {
                    // Read to the end with nothing new: still save the anchor, count and time of this read, or
                    // every following poll would spend a call on the topic again.
                    tracked.Anchor = next;
                    tracked.Count = knownCount;
                    tracked.ReadMs = nowMs;
                    yield return new SourceItem(null, Serialize(state));
                }

                yield break;
            }

            anchor = next;
        }
    }

    private async Task<OkCommentsResponse?> GetCommentsOrSkipAsync(string topicId, string? anchor, CancellationToken cancellationToken)
    {
        try
        {
            _calls++;
            return await client.GetCommentsAsync(topicId, anchor, options.CommentsPageSize, cancellationToken);
        }
        catch (OkApiException ex) when (ex.Kind is OkErrorKind.Unavailable or OkErrorKind.BadRequest)
        {
            // A topic deleted since it was read, or with comments closed: the topic stays stored.
            OkLog.CommentsUnavailable(logger, Id, topicId, ex.ErrorCode, ex.Kind);
            return null;
        }
    }

    private static bool IsNewer(OkMediaTopic topic, OkGroupCursor state) =>
        topic.CreatedMs > state.Ms
        || (topic.CreatedMs == state.Ms && state.Id is not null && string.CompareOrdinal(topic.Id, state.Id) > 0);

    /// <summary>Keeps the newest followed topics that are still in the comment window.</summary>
    private void Prune(OkGroupCursor state, long windowStart)
    {
        state.Topics = state.Topics
            .Where(t => t.Ms >= windowStart)
            .OrderByDescending(t => t.Ms).ThenByDescending(t => t.Id, StringComparer.Ordinal)
            .Take(options.MaxTrackedTopics)
            .ToList();
    }

    private Post MapTopic(OkMediaTopic topic)
    {
        var blocks = (topic.Media ?? []).Where(b => b is not null).Select(b => b!).ToList();
        var text = string.Join("\n", blocks
            .Where(b => string.Equals(b.Type, "text", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(b.Text))
            .Select(b => b.Text!.Trim()));
        var attachments = blocks
            .Where(b => !string.IsNullOrWhiteSpace(b.Type) && !string.Equals(b.Type, "text", StringComparison.OrdinalIgnoreCase))
            .Select(b => b.Type!.Trim().ToLowerInvariant())
            .ToList();
        return new Post
        {
            Key = new PostKey(Network.Ok, group.Id, topic.Id!),
            Municipality = municipality,
            SourceId = Id,
            Kind = PostKind.Post,
            AuthorId = topic.AuthorRef,
            PublishedAt = DateTimeOffset.FromUnixTimeMilliseconds(topic.CreatedMs!.Value),
            Text = text,
            Url = TopicUrl(topic.Id!),
            Engagement = new Engagement(
                Count(topic.LikeSummary?.Count), Count(topic.DiscussionSummary?.CommentsCount), Count(topic.ReshareSummary?.Count), 0),
            Attachments = attachments,
        };
    }

    private Post? MapComment(OkComment? comment, PostKey parent, string url)
    {
        if (comment is null || comment.Deleted == true)
        {
            return null; // removed comments are not appeals any more
        }

        if (!IsUsableId(comment.Id) || PublishedAt(comment) is not { } publishedAt)
        {
            OkLog.ItemSkipped(logger, Id, "a comment without a usable id or date");
            return null;
        }

        return new Post
        {
            Key = new PostKey(Network.Ok, group.Id, comment.Id!),
            Municipality = municipality,
            SourceId = Id,
            Kind = PostKind.Comment,
            ParentKey = parent,
            AuthorId = comment.AuthorId,
            AuthorName = comment.AuthorName,
            PublishedAt = publishedAt,
            Text = comment.Text ?? "",
            Url = url,
            Engagement = new Engagement(Count(comment.LikeCount), 0, 0, 0),
        };
    }

    /// <summary>
    /// The comment's time: <c>date_ms</c>, or <c>date</c> as Unix time (seconds or milliseconds), ISO 8601, or
    /// <c>yyyy-MM-dd HH:mm:ss</c> taken as Moscow time (UTC+3, no DST since 2014) [unverified: the live format].
    /// </summary>
    private static DateTimeOffset? PublishedAt(OkComment comment)
    {
        if (comment.DateMs is { } ms and > 0)
        {
            return FromUnix(ms);
        }

        if (comment.Date is not { } date)
        {
            return null;
        }

        if (date.ValueKind == JsonValueKind.Number && date.TryGetInt64(out var number) && number > 0)
        {
            return number > 100_000_000_000 ? FromUnix(number) : FromUnix(number * 1000);
        }

        if (date.ValueKind != JsonValueKind.String || date.GetString() is not { Length: > 0 } value)
        {
            return null;
        }

        if (DateTime.TryParseExact(value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var moscow))
        {
            return new DateTimeOffset(moscow, MoscowOffset);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
    }

    private static DateTimeOffset? FromUnix(long milliseconds) =>
        milliseconds is > 0 and < 253_402_300_799_000 ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) : null;

    /// <summary>An id becomes part of the post key <c>ok:gid:id</c>, so it must be present and free of ':'.</summary>
    private static bool IsUsableId(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= 128 && !id.Contains(':', StringComparison.Ordinal) && id.Trim() == id;

    private static int Count(long? value) => value is null or < 0 ? 0 : (int)Math.Min(value.Value, int.MaxValue);

    private string TopicUrl(string topicId) => $"https://ok.ru/group/{group.Id}/topic/{topicId}";

    private static string Serialize(OkGroupCursor state) => JsonSerializer.Serialize(state, OkJsonContext.Default.OkGroupCursor);

    private OkGroupCursor? ParseCursor(string? cursor)
    {
        if (string.IsNullOrWhiteSpace(cursor))
        {
            return null;
        }

        try
        {
            var state = JsonSerializer.Deserialize(cursor, OkJsonContext.Default.OkGroupCursor);
            if (state is { V: 1 })
            {
                state.Topics = [.. state.Topics.Where(t => t is not null && IsUsableId(t.Id))];
                return state;
            }
        }
        catch (JsonException)
        {
            // handled below: an unreadable cursor is not a reason to stop reading the group
        }

        OkLog.CursorUnreadable(logger, Id);
        return null;
    }
}
