using System.Globalization;
using System.Runtime.CompilerServices;
using Mcu.Monitor.Sources.Vk.Models;
using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Sources.Vk;

/// <summary>
/// Source <c>vk:search</c>: public posts matching each configured query (<c>newsfeed.search</c>), paged with
/// <c>next_from</c> → <c>start_from</c>, yielded oldest first. The cursor keeps, per query, the date up to which
/// everything was yielded; the next search starts <see cref="VkOptions.SearchOverlap"/> before it, so a post VK
/// indexes late is still found (what was already stored is dropped by the pipeline). When
/// <see cref="VkOptions.MaxSearchResultsPerQuery"/> cuts a search short, the date does not move: the next poll
/// searches the older part (<c>end_time</c>) until it is read.
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

        var overlap = (long)options.SearchOverlap.TotalSeconds;
        var written = cursor;
        for (var index = 0; index < queries.Count; index++)
        {
            var query = queries[index];
            var known = state.GetValueOrDefault(query);
            var startTime = known is null ? (time.GetUtcNow() - options.SearchInitialLookback).ToUnixTimeSeconds() : known.D - overlap;
            var (posts, authors, truncated, error) = await SearchAsync(query, startTime, known?.E, cancellationToken);
            if (error is not null)
            {
                if (VkErrorCodes.StopsReading(error.Code))
                {
                    VkLog.ReadStopped(logger, Id, error.Code);
                    break;
                }

                VkLog.QuerySkipped(logger, Id, index, error.Code);
                continue;
            }

            var fresh = posts
                .Where(p => p.Id > 0)
                .DistinctBy(Key)
                .OrderBy(p => p.Date).ThenBy(p => p.OwnerId).ThenBy(p => p.Id)
                .ToList();
            var start = known ?? new VkSearchCursorEntry(startTime + overlap);
            var newest = Math.Max(start.M ?? 0, fresh.Select(p => p.Date).DefaultIfEmpty(0).Max());
            VkSearchCursorEntry? final = truncated
                ? new VkSearchCursorEntry(start.D, fresh.Select(p => p.Date).DefaultIfEmpty(startTime).Min() + 1, newest == 0 ? null : newest)
                : known is null && fresh.Count == 0 ? null : new VkSearchCursorEntry(Math.Max(start.D, newest));
            var current = known;
            for (var i = 0; i < fresh.Count; i++)
            {
                var post = fresh[i];
                if (i == fresh.Count - 1)
                {
                    current = final;
                }
                else if (!truncated)
                {
                    // Everything older is yielded; a later result at this second comes again with the overlap.
                    current = (current ?? start) with { D = Math.Max((current ?? start).D, post.Date) };
                }

                // In a cut-short search the older results are not read: the cursor moves with the last one only.
                if (current is not null)
                {
                    state[query] = current;
                }

                var mapped = mapper.MapPost(post, authors, out var reason);
                if (mapped is null)
                {
                    VkLog.ItemSkipped(logger, Id, post.OwnerId, post.Id, reason ?? "unusable");
                }

                written = VkCursors.Write(state);
                yield return new SourceItem(mapped, written);
            }

            if (final is not null)
            {
                state[query] = final;
            }
        }

        var last = VkCursors.Write(state);
        if (state.Count > 0 && last != written)
        {
            yield return new SourceItem(null, last);
        }
    }

    private async Task<(List<VkPost> Posts, VkAuthors Authors, bool Truncated, VkApiException? Error)> SearchAsync(
        string query, long startTime, long? endTime, CancellationToken cancellationToken)
    {
        var posts = new List<VkPost>();
        var authors = new VkAuthors();
        string? startFrom = null;
        try
        {
            while (true)
            {
                var page = await client.SearchAsync(query, startTime, endTime, startFrom, PageSize, cancellationToken);
                authors.Add(page.Profiles, page.Groups);
                var items = (page.Items ?? []).OfType<VkPost>().ToList();
                posts.AddRange(items);
                if (items.Count == 0 || string.IsNullOrEmpty(page.NextFrom) || page.NextFrom == startFrom)
                {
                    return (posts, authors, false, null);
                }

                if (posts.Count >= options.MaxSearchResultsPerQuery)
                {
                    return (posts, authors, true, null);
                }

                startFrom = page.NextFrom;
            }
        }
        catch (VkApiException ex)
        {
            return ([], authors, false, ex);
        }
    }

    private static string Key(VkPost post) => string.Create(CultureInfo.InvariantCulture, $"{post.OwnerId}_{post.Id}");
}
