using System.Globalization;
using System.Runtime.CompilerServices;
using Mcu.Monitor.Sources.Vk.Models;
using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Sources.Vk;

/// <summary>
/// Source <c>vk:search</c>: public posts matching each configured query (<c>newsfeed.search</c>), paged with
/// <c>next_from</c> → <c>start_from</c>. The cursor keeps, per query, the newest date read and the keys read at
/// that second; the next poll starts there (<c>start_time</c>) and reads only what is newer.
/// </summary>
internal sealed class VkSearchSource(string id, VkOptions options, VkApiClient client, VkPostMapper mapper, TimeProvider time, ILogger logger) : IPostSource
{
    /// <summary>newsfeed.search returns at most 200 per page.</summary>
    private const int PageSize = 200;

    public string Id => id;

    public async IAsyncEnumerable<SourceItem> ReadAsync(string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var state = VkCursors.Read<VkSearchCursorEntry>(cursor, Id, logger);
        var queries = options.Queries.Where(q => !string.IsNullOrWhiteSpace(q)).Select(q => q.Trim()).Distinct(StringComparer.Ordinal).ToList();
        foreach (var gone in state.Keys.Except(queries, StringComparer.Ordinal).ToList())
        {
            state.Remove(gone);
        }

        for (var index = 0; index < queries.Count; index++)
        {
            var query = queries[index];
            var known = state.GetValueOrDefault(query);
            var startTime = known?.D ?? (time.GetUtcNow() - options.SearchInitialLookback).ToUnixTimeSeconds();
            var (posts, authors, error) = await SearchAsync(query, startTime, cancellationToken);
            if (error is not null)
            {
                if (VkErrorCodes.StopsReading(error.Code))
                {
                    VkLog.ReadStopped(logger, Id, error.Code);
                    yield break;
                }

                VkLog.QuerySkipped(logger, Id, index, error.Code);
                continue;
            }

            var seenAtNewest = new HashSet<string>(known?.K ?? [], StringComparer.Ordinal);
            var fresh = posts
                .Where(p => p.Id > 0 && (known is null || p.Date > known.D || (p.Date == known.D && !seenAtNewest.Contains(Key(p)))))
                .DistinctBy(Key)
                .OrderBy(p => p.Date).ThenBy(p => p.OwnerId).ThenBy(p => p.Id)
                .ToList();
            var entry = known;
            foreach (var post in fresh)
            {
                entry = entry is not null && entry.D == post.Date
                    ? entry with { K = [.. entry.K, Key(post)] }
                    : new VkSearchCursorEntry(post.Date, [Key(post)]);
                state[query] = entry;
                var mapped = mapper.MapPost(post, authors, out var reason);
                if (mapped is null)
                {
                    VkLog.ItemSkipped(logger, Id, post.OwnerId, post.Id, reason ?? "unusable");
                }

                yield return new SourceItem(mapped, VkCursors.Write(state));
            }
        }
    }

    private async Task<(List<VkPost> Posts, VkAuthors Authors, VkApiException? Error)> SearchAsync(string query, long startTime, CancellationToken cancellationToken)
    {
        var posts = new List<VkPost>();
        var authors = new VkAuthors();
        string? startFrom = null;
        try
        {
            while (posts.Count < options.MaxSearchResultsPerQuery)
            {
                var page = await client.SearchAsync(query, startTime, startFrom, PageSize, cancellationToken);
                authors.Add(page.Profiles, page.Groups);
                var items = (page.Items ?? []).OfType<VkPost>().ToList();
                posts.AddRange(items);
                if (items.Count == 0 || string.IsNullOrEmpty(page.NextFrom) || page.NextFrom == startFrom)
                {
                    break;
                }

                startFrom = page.NextFrom;
            }
        }
        catch (VkApiException ex)
        {
            return ([], authors, ex);
        }

        return (posts, authors, null);
    }

    private static string Key(VkPost post) => string.Create(CultureInfo.InvariantCulture, $"{post.OwnerId}_{post.Id}");
}
