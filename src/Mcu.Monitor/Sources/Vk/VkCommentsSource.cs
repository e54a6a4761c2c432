using System.Globalization;
using System.Runtime.CompilerServices;
using Mcu.Monitor.Sources.Vk.Models;
using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Sources.Vk;

/// <summary>
/// Source <c>vk:comments</c>: new comments (and thread replies) of the communities' posts published within
/// <see cref="VkOptions.CommentsLookback"/>. A post is asked for comments only when its comment count changed
/// since the last poll. The cursor keeps, per post, its date, count and last comment id, and forgets posts
/// older than the lookback, so it stays bounded.
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
                if (known is not null && known.N == count)
                {
                    continue;
                }

                var after = known?.C ?? 0;
                var (comments, authors, error) = await ReadCommentsAsync(post.OwnerId, post.Id, cancellationToken);
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
                        // Comments closed (212 and the like): ask again only when the count changes.
                        state[key] = new VkCommentsCursorEntry(post.Date, count, after);
                    }

                    continue;
                }

                var entry = new VkCommentsCursorEntry(post.Date, count, after);
                state[key] = entry;
                foreach (var (comment, threadId) in comments.Where(c => c.Comment.Id > after).OrderBy(c => c.Comment.Id))
                {
                    entry = entry with { C = comment.Id };
                    state[key] = entry;
                    var mapped = mapper.MapComment(comment, post.OwnerId, post.Id, threadId, authors, out var reason);
                    if (mapped is null)
                    {
                        VkLog.ItemSkipped(logger, Id, post.OwnerId, comment.Id, reason ?? "unusable");
                    }

                    // A deleted comment still moves the cursor past it.
                    yield return new SourceItem(mapped, VkCursors.Write(state));
                }
            }
        }
    }

    /// <summary>
    /// Every comment of a post with its replies: top-level pages, then a <c>comment_id</c> request for each thread
    /// whose replies did not all come inline (<c>thread.items</c> may be empty while <c>thread.count</c> is not).
    /// </summary>
    private async Task<(List<(VkComment Comment, long? ThreadId)> Comments, VkAuthors Authors, VkApiException? Error)> ReadCommentsAsync(
        long ownerId, long postId, CancellationToken cancellationToken)
    {
        var all = new Dictionary<long, (VkComment, long?)>();
        var authors = new VkAuthors();
        try
        {
            var offset = 0;
            while (all.Count < options.MaxCommentsPerPost)
            {
                var page = await client.GetCommentsAsync(ownerId, postId, null, offset, PageSize, cancellationToken);
                authors.Add(page.Profiles, page.Groups);
                var items = (page.Items ?? []).OfType<VkComment>().ToList();
                foreach (var top in items.Where(c => c.Id > 0))
                {
                    all.TryAdd(top.Id, (top, null));
                    var inline = (top.Thread?.Items ?? []).OfType<VkComment>().Where(c => c.Id > 0).ToList();
                    foreach (var reply in inline)
                    {
                        all.TryAdd(reply.Id, (reply, top.Id));
                    }

                    if ((top.Thread?.Count ?? 0) > inline.Count)
                    {
                        await ReadThreadAsync(ownerId, postId, top.Id, top.Thread!.Count!.Value, all, authors, cancellationToken);
                    }
                }

                offset += items.Count;
                if (items.Count == 0 || offset >= (page.CurrentLevelCount ?? page.Count ?? 0))
                {
                    break;
                }
            }
        }
        catch (VkApiException ex)
        {
            return ([], authors, ex);
        }

        return ([.. all.Values], authors, null);
    }

    private async Task ReadThreadAsync(
        long ownerId, long postId, long commentId, long total, Dictionary<long, (VkComment, long?)> all, VkAuthors authors, CancellationToken cancellationToken)
    {
        var offset = 0;
        while (offset < total && all.Count < options.MaxCommentsPerPost)
        {
            var page = await client.GetCommentsAsync(ownerId, postId, commentId, offset, PageSize, cancellationToken);
            authors.Add(page.Profiles, page.Groups);
            var items = (page.Items ?? []).OfType<VkComment>().Where(c => c.Id > 0).ToList();
            foreach (var reply in items)
            {
                all.TryAdd(reply.Id, (reply, commentId));
            }

            if (items.Count == 0)
            {
                break;
            }

            offset += items.Count;
        }
    }
}
