using System.Globalization;
using System.Runtime.CompilerServices;
using Mcu.Monitor.Sources.Vk.Models;
using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Sources.Vk;

/// <summary>
/// Source <c>vk:walls</c>: posts of the configured communities, oldest first (by date) per community. The cursor
/// (<see cref="VkWallCursorEntry"/>) keeps per wall the newest date up to which everything was yielded; each poll
/// reads down to <see cref="VkOptions.WallOverlap"/> before it and yields every post dated after that, so suggested
/// and scheduled posts, published with an old id, are not missed (posts already stored are dropped by the
/// pipeline). A read capped by <see cref="VkOptions.MaxPostsPerCommunityPerPoll"/> yields what it read and goes on
/// below it in the next poll, without moving the date. A community seen for the first time gives its newest
/// <see cref="VkOptions.InitialPostsPerCommunity"/> posts.
/// </summary>
internal sealed class VkWallSource(
    string id, VkOptions options, VkCommunityResolver resolver, VkWallReader reader, VkPostMapper mapper, ILogger logger) : IPostSource
{
    public string Id => id;

    public async IAsyncEnumerable<SourceItem> ReadAsync(string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var state = VkCursors.ReadWalls(cursor, Id, logger);
        var overlap = (long)options.WallOverlap.TotalSeconds;
        var communities = await VkSourceSupport.ResolveAsync(resolver, options, Id, logger, cancellationToken);
        var plans = communities.Select(c =>
        {
            var entry = state.GetValueOrDefault(Key(c.OwnerId));
            if (entry is null)
            {
                // One extra on the first read: a pinned post may take a place in the page.
                return new VkWallPlan(c, null, null, Math.Min(100, options.InitialPostsPerCommunity + 1), options.WallPageSize, options.MaxPostsPerCommunityPerPoll);
            }

            // A catch-up starts one post above where the last poll stopped: that post (the oldest read, date G)
            // must come first again, or the wall shifted (posts deleted above) and the reader starts over.
            return new VkWallPlan(
                c, entry.D == 0 ? entry.I : null, entry.D == 0 ? null : entry.D - overlap, options.WallPageSize, options.WallPageSize,
                options.MaxPostsPerCommunityPerPoll, Math.Max(0, (entry.R ?? 0) - 1), entry.R is null ? null : entry.G);
        }).ToList();

        var (walls, _) = await reader.ReadAsync(Id, plans, cancellationToken);
        var read = 0;
        var written = cursor;
        foreach (var wall in walls.Where(w => w.Complete))
        {
            var key = Key(wall.Community.OwnerId);
            var previous = state.GetValueOrDefault(key);
            List<VkPost> selected;
            VkWallCursorEntry start;
            if (previous is null)
            {
                selected = [.. wall.Posts.Values.OrderByDescending(p => p.Id).Take(options.InitialPostsPerCommunity)];
                start = new VkWallCursorEntry(0, 0);
            }
            else if (previous.D == 0)
            {
                // A cursor of an earlier version: posts after the id; the date is learnt from the newest post at or
                // below it, so the next polls read by date.
                selected = [.. wall.Posts.Values.Where(p => p.Id > previous.I)];
                var known = wall.Posts.Values.Where(p => p.Id <= previous.I && p.IsPinned != true).Select(p => p.Date).DefaultIfEmpty(0).Max();
                start = wall.Truncated ? previous : previous with { D = known };
            }
            else
            {
                var notBefore = previous.D - overlap;
                // From the second of D − WallOverlap on: a post of the same second as the last one yielded may not be.
                selected = [.. wall.Posts.Values.Where(p => p.Date >= notBefore)];
                start = previous;
            }

            if (previous is null && selected.Count == 0)
            {
                continue; // an empty wall: read it as new next time
            }

            selected = [.. selected.OrderBy(p => p.Date).ThenBy(p => p.Id)];
            var final = Final(wall, start, selected);
            var current = start;
            for (var i = 0; i < selected.Count; i++)
            {
                var post = selected[i];
                if (i == selected.Count - 1)
                {
                    current = final;
                }
                else if (!wall.Truncated && !(start.D == 0 && start.I > 0))
                {
                    // Everything older than this post (by date) in the window is yielded; the next poll reads
                    // back WallOverlap from here, so the posts after it are read again if this poll stops now.
                    current = current with { I = Math.Max(current.I, post.Id), D = Math.Max(current.D, post.Date) };
                }

                // In a capped read the posts below the read are not yielded yet: until the last post of this
                // wall, the cursor stays where it was (the next poll repeats this read; the pipeline drops repeats).
                state[key] = current;
                var mapped = mapper.MapPost(post, wall.Authors, out var reason);
                if (mapped is null)
                {
                    VkLog.ItemSkipped(logger, Id, post.OwnerId, post.Id, reason ?? "unusable");
                }
                else
                {
                    read++;
                }

                // A skipped (deleted) post still moves the cursor past it.
                written = VkCursors.Write(state);
                yield return new SourceItem(mapped, written);
            }

            state[key] = final;
        }

        // A read that yielded nothing may still have learnt something (a catch-up step, the date of an old cursor).
        var last = VkCursors.Write(state);
        if (state.Count > 0 && last != written)
        {
            yield return new SourceItem(null, last);
        }

        VkLog.WallsRead(logger, Id, walls.Count(w => w.Complete), read);
    }

    /// <summary>The wall's cursor once every selected post is yielded.</summary>
    private static VkWallCursorEntry Final(VkWallRead wall, VkWallCursorEntry start, List<VkPost> selected)
    {
        var newestId = Math.Max(start.I, selected.Select(p => p.Id).DefaultIfEmpty(0).Max());
        var newestDate = Math.Max(start.M ?? 0, selected.Select(p => p.Date).DefaultIfEmpty(0).Max());
        if (wall.Truncated)
        {
            // Posts below the read are not yielded: the date stays, the catch-up goes on below the read next poll.
            var oldestRead = wall.Posts.Values.Where(p => p.IsPinned != true).Select(p => p.Date).DefaultIfEmpty(0).Min();
            // An old id-only cursor (D = 0) keeps its id: it is still where the catch-up stops.
            return new VkWallCursorEntry(start.D == 0 ? start.I : newestId, start.D, newestDate == 0 ? null : newestDate, wall.Offset, oldestRead);
        }

        var date = Math.Max(start.D, newestDate);
        return new VkWallCursorEntry(newestId, start.D == 0 && start.M is null && selected.Count == 0 ? 0 : date);
    }

    private static string Key(long ownerId) => ownerId.ToString(CultureInfo.InvariantCulture);
}
