using System.Globalization;
using System.Runtime.CompilerServices;
using Mcu.Monitor.Sources.Vk.Models;
using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Sources.Vk;

/// <summary>
/// Source <c>vk:comments</c>: new comments (and thread replies) of the communities' posts published within
/// <see cref="VkOptions.CommentsLookback"/>. A post is asked for comments when its comment count changed since
/// its last complete read, or when that read is older than <see cref="VkOptions.CommentsFullRereadInterval"/>. The
/// cursor keeps, per post, its date, count, last comment id and time of the last complete read
/// (<see cref="VkCommentsCursorEntry"/>), and forgets posts older than the lookback, so it stays bounded.
/// </summary>
internal sealed class VkCommentsSource(
    string id, VkOptions options, VkApiClient client, VkCommunityResolver resolver, VkWallReader reader, VkPostMapper mapper, TimeProvider time, ILogger logger)
    : IPostSource
{
    /// <summary>Posts tracked at most; the oldest are forgotten first.</summary>
    private const int MaxTrackedPosts = 20_000;

    private const int PageSize = 100;

    public string Id => id;

    public async IAsyncEnumerable<SourceItem> ReadAsync(string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var state = VkCursors.Read<VkCommentsCursorEntry>(cursor, Id, logger);
        var cutoff = (time.GetUtcNow() - options.CommentsLookback).ToUnixTimeSeconds();
        foreach (var stale in state.Where(e => e.Value.D < cutoff).Select(e => e.Key).ToList())
        {
            state.Remove(stale);
        }

        foreach (var excess in state.OrderBy(e => e.Value.D).Take(Math.Max(0, state.Count - MaxTrackedPosts)).Select(e => e.Key).ToList())
        {
            state.Remove(excess);
        }

        var communities = await VkSourceSupport.ResolveAsync(resolver, options, Id, logger, cancellationToken);
        var pageSize = Math.Min(PageSize, options.MaxCommentedPostsPerCommunity);
        var plans = communities.Select(c => new VkWallPlan(c, null, cutoff, pageSize, pageSize, options.MaxCommentedPostsPerCommunity)).ToList();
        var (walls, stoppedBy) = await reader.ReadAsync(Id, plans, cancellationToken);
        if (stoppedBy is not null)
        {
            yield break;
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var reread = (long)options.CommentsFullRereadInterval.TotalSeconds;
        var written = cursor;
        foreach (var wall in walls)
        {
            var posts = wall.Posts.Values
                .Where(p => p.Date >= cutoff && p.IsDeleted != true && (p.Comments?.Count ?? 0) > 0)
                .OrderBy(p => p.Id)
                .ToList();
            foreach (var post in posts)
            {
                var key = string.Create(CultureInfo.InvariantCulture, $"{post.OwnerId}_{post.Id}");
                var known = state.GetValueOrDefault(key);
                var count = post.Comments?.Count ?? 0;
                if (known is not null && known.N == count && known.F is { } full && now - full < reread)
                {
                    // Unchanged count, read in full recently. A deletion plus a new comment keep the count too:
                    // the full re-read after CommentsFullRereadInterval bounds how late such a comment is seen.
                    continue;
                }

                var after = known?.C ?? 0;
                var (comments, authors, complete, error) = await ReadCommentsAsync(post.OwnerId, post.Id, after, cancellationToken);
                if (error is not null)
                {
                    if (VkErrorCodes.StopsReading(error.Code))
                    {
                        VkLog.ReadStopped(logger, Id, error.Code);
                        yield break;
                    }

                    VkLog.CommentsSkipped(logger, Id, post.OwnerId, post.Id, error.Code);
                    if (VkErrorCodes.SkipsObject(error.Code) || VkErrorCodes.MeansBadSource(error.Code))
                    {
                        // Comments closed (212 and the like): ask again only when the count changes (or after the re-read interval).
                        state[key] = new VkCommentsCursorEntry(post.Date, count, after, now);
                    }

                    continue;
                }

                // Until the last comment of the post is yielded the count stays as it was (-1 when new): a poll
                // stopped part-way, or a read cut by MaxCommentsPerPost, is taken up again by the next poll.
                var pending = new VkCommentsCursorEntry(post.Date, known?.N ?? -1, after, known?.F);
                var final = complete ? new VkCommentsCursorEntry(post.Date, count, after, now) : pending;
                var fresh = comments.Where(c => c.Comment.Id > after).OrderBy(c => c.Comment.Id).ToList();
                for (var i = 0; i < fresh.Count; i++)
                {
                    var (comment, threadId) = fresh[i];
                    pending = pending with { C = comment.Id };
                    final = final with { C = comment.Id };
                    state[key] = i == fresh.Count - 1 ? final : pending;
                    var mapped = mapper.MapComment(comment, post.OwnerId, post.Id, threadId, authors, out var reason);
                    if (mapped is null)
                    {
                        VkLog.ItemSkipped(logger, Id, post.OwnerId, comment.Id, reason ?? "unusable");
                    }

                    // A deleted comment still moves the cursor past it.
                    written = VkCursors.Write(state);
                    yield return new SourceItem(mapped, written);
                }

                state[key] = final;
            }
        }

        // A complete read with nothing new still records its count and time (and forgotten posts leave the cursor).
        var last = VkCursors.Write(state);
        if (state.Count > 0 && last != written)
        {
            yield return new SourceItem(null, last);
        }
    }

    /// <summary>
    /// Every comment of a post with its replies: top-level pages, then a <c>comment_id</c> request for each thread
    /// whose replies did not all come inline (<c>thread.items</c> may be empty while <c>thread.count</c> is not).
    /// At most <see cref="VkOptions.MaxCommentsPerPost"/> comments newer than <paramref name="after"/> are taken;
    /// when that cuts the read short only the comments below the lowest id possibly missed are returned, and the
    /// read is not complete.
    /// </summary>
    private async Task<(List<(VkComment Comment, long? ThreadId)> Comments, VkAuthors Authors, bool Complete, VkApiException? Error)> ReadCommentsAsync(
        long ownerId, long postId, long after, CancellationToken cancellationToken)
    {
        var read = new CommentsRead(after);
        var authors = new VkAuthors();
        try
        {
            var offset = 0;
            while (true)
            {
                var page = await client.GetCommentsAsync(ownerId, postId, null, offset, PageSize, cancellationToken);
                authors.Add(page.Profiles, page.Groups);
                var items = (page.Items ?? []).OfType<VkComment>().ToList();
                foreach (var top in items.Where(c => c.Id > 0))
                {
                    read.Add(top, null);
                    var inline = (top.Thread?.Items ?? []).OfType<VkComment>().Where(c => c.Id > 0).ToList();
                    foreach (var reply in inline)
                    {
                        read.Add(reply, top.Id);
                    }

                    if ((top.Thread?.Count ?? 0) > inline.Count)
                    {
                        if (read.Full(options.MaxCommentsPerPost))
                        {
                            read.MissingFrom(top.Id + 1); // replies come after their comment
                        }
                        else
                        {
                            await ReadThreadAsync(ownerId, postId, top.Id, top.Thread!.Count!.Value, read, authors, cancellationToken);
                        }
                    }
                }

                offset += items.Count;
                if (items.Count == 0 || offset >= (page.CurrentLevelCount ?? page.Count ?? 0))
                {
                    break;
                }

                if (read.Full(options.MaxCommentsPerPost))
                {
                    // Top-level comments come oldest first: the next ones have higher ids than any read.
                    read.MissingFrom(read.HighestTop + 1);
                    break;
                }
            }
        }
        catch (VkApiException ex)
        {
            return ([], authors, false, ex);
        }

        return ([.. read.All.Values.Where(c => c.Comment.Id < read.Bound)], authors, read.Bound == long.MaxValue, null);
    }

    private async Task ReadThreadAsync(
        long ownerId, long postId, long commentId, long total, CommentsRead read, VkAuthors authors, CancellationToken cancellationToken)
    {
        var offset = 0;
        var highest = commentId;
        while (offset < total)
        {
            if (read.Full(options.MaxCommentsPerPost))
            {
                // Replies come oldest first: the rest of this thread has higher ids than the ones read.
                read.MissingFrom(highest + 1);
                return;
            }

            var page = await client.GetCommentsAsync(ownerId, postId, commentId, offset, PageSize, cancellationToken);
            authors.Add(page.Profiles, page.Groups);
            var items = (page.Items ?? []).OfType<VkComment>().Where(c => c.Id > 0).ToList();
            foreach (var reply in items)
            {
                read.Add(reply, commentId);
                highest = Math.Max(highest, reply.Id);
            }

            if (items.Count == 0)
            {
                break;
            }

            offset += items.Count;
        }
    }

    /// <summary>The comments of one post read so far, and the lowest id that may be missing when the cap cut the read.</summary>
    private sealed class CommentsRead(long after)
    {
        private int _fresh;

        public Dictionary<long, (VkComment Comment, long? ThreadId)> All { get; } = [];

        public long HighestTop { get; private set; }

        /// <summary>Comments from this id on may be missing (<see cref="long.MaxValue"/>: nothing is).</summary>
        public long Bound { get; private set; } = long.MaxValue;

        public void Add(VkComment comment, long? threadId)
        {
            if (All.TryAdd(comment.Id, (comment, threadId)) && comment.Id > after)
            {
                _fresh++;
            }

            if (threadId is null)
            {
                HighestTop = Math.Max(HighestTop, comment.Id);
            }
        }

        /// <summary>The cap counts only comments not yielded before, so a long post is read further each poll.</summary>
        public bool Full(int max) => _fresh >= max;

        public void MissingFrom(long id) => Bound = Math.Min(Bound, id);
    }
}
