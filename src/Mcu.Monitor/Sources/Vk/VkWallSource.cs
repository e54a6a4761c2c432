using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Sources.Vk;

/// <summary>
/// Source <c>vk:walls</c>: new posts of the configured communities, oldest first per community. The cursor maps
/// each wall's owner id to the last post id read, so the next poll stops there; a community seen for the first
/// time gives its newest <see cref="VkOptions.InitialPostsPerCommunity"/> posts.
/// </summary>
internal sealed class VkWallSource(
    string id, VkOptions options, VkCommunityResolver resolver, VkWallReader reader, VkPostMapper mapper, ILogger logger) : IPostSource
{
    public string Id => id;

    public async IAsyncEnumerable<SourceItem> ReadAsync(string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = VkCursors.Read<long>(cursor, Id, logger);
        var communities = await VkSourceSupport.ResolveAsync(resolver, options, Id, logger, cancellationToken);
        var plans = communities.Select(c =>
        {
            long? last = seen.TryGetValue(Key(c.OwnerId), out var l) ? l : null;
            // One extra on the first read: a pinned post may take a place in the page.
            var first = last is null ? Math.Min(100, options.InitialPostsPerCommunity + 1) : options.WallPageSize;
            return new VkWallPlan(c, last, null, first, options.WallPageSize, options.MaxPostsPerCommunityPerPoll);
        }).ToList();

        var (walls, _) = await reader.ReadAsync(Id, plans, cancellationToken);
        var read = 0;
        foreach (var wall in walls.Where(w => w.Complete))
        {
            var key = Key(wall.Community.OwnerId);
            var selected = wall.Plan.LastSeenId is { } last
                ? wall.Posts.Values.Where(p => p.Id > last)
                : wall.Posts.Values.OrderByDescending(p => p.Id).Take(options.InitialPostsPerCommunity);
            foreach (var post in selected.OrderBy(p => p.Id).ToList())
            {
                seen[key] = post.Id;
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
                yield return new SourceItem(mapped, VkCursors.Write(seen));
            }
        }

        VkLog.WallsRead(logger, Id, walls.Count(w => w.Complete), read);
    }

    private static string Key(long ownerId) => ownerId.ToString(CultureInfo.InvariantCulture);
}
