using Mcu.Monitor.Alerts;
using Mcu.Monitor.Sources.Vk.Models;
using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Sources.Vk;

/// <summary>
/// Reads many walls with as few requests as possible: each round asks every unfinished wall for its next page,
/// 25 <c>wall.get</c> calls per <c>execute</c>. Per-wall errors skip that wall (§1.8): a call failing with 6 or 9
/// inside <c>execute</c> is asked once more after its delay; a wall VK refuses as closed, private, blocked or
/// deleted is reported to the operators and rests <see cref="VkOptions.UnavailableCommunityPause"/>. Errors that
/// make the token unusable end the read, keeping the walls already complete.
/// </summary>
internal sealed class VkWallReader(
    VkApiClient client, VkOptions options, IOperatorAlerts alerts, VkUnavailableCommunities unavailable, TimeProvider time, ILogger logger)
{
    public async Task<(IReadOnlyList<VkWallRead> Walls, int? StoppedBy)> ReadAsync(string sourceId, IReadOnlyList<VkWallPlan> plans, CancellationToken cancellationToken)
    {
        var walls = plans.Select(p => new VkWallRead(p)).ToList();
        try
        {
            client.Token.EnsureUsable(options.UseExecute ? "execute" : "wall.get");
            client.Token.EnsureUsable("wall.get");
        }
        catch (VkApiException ex)
        {
            VkLog.SourceResting(logger, sourceId, ex.Message);
            return (walls, ex.Code);
        }

        foreach (var wall in walls)
        {
            if (unavailable.IsResting(wall.Community.OwnerId, out var until))
            {
                VkLog.CommunityResting(logger, sourceId, wall.Community.Name, until);
                wall.Done = true;
            }
        }

        int? stoppedBy = null;
        var pending = walls.Where(w => !w.Done).ToList();
        while (pending.Count > 0 && stoppedBy is null)
        {
            var wait = TimeSpan.Zero;
            foreach (var batch in pending.Chunk(options.UseExecute ? VkExecuteScript.MaxCalls : 1))
            {
                var results = await FetchAsync(batch, cancellationToken);
                for (var i = 0; i < batch.Length; i++)
                {
                    var wall = batch[i];
                    var result = i < results.Count ? results[i] : new VkCallResult<VkWallPage>(null, null);
                    if (result.Value is { } page)
                    {
                        Accept(sourceId, wall, page);
                        continue;
                    }

                    var error = result.Error ?? new VkApiException("wall.get", VkErrorCodes.ExecuteCallFailed, "VK wall.get: no result");
                    if (options.UseExecute && VkErrorCodes.IsRateLimited(error.Code) && !wall.Retried)
                    {
                        // Only this slot of execute failed (the client retries whole requests): ask again once, after the delay.
                        wall.Retried = true;
                        var delay = error.RetryAfter ?? options.TooManyRequestsDelay;
                        wait = delay > wait ? delay : wait;
                        VkLog.Retrying(logger, error.Method, error.Code, 1, delay);
                        continue;
                    }

                    wall.Done = true;
                    if (VkErrorCodes.StopsReading(error.Code))
                    {
                        stoppedBy ??= error.Code;
                    }
                    else
                    {
                        ReportWallError(sourceId, wall.Community, error);
                    }
                }

                if (stoppedBy is not null)
                {
                    VkLog.ReadStopped(logger, sourceId, stoppedBy.Value);
                    break;
                }
            }

            pending = walls.Where(w => !w.Done).ToList();
            if (stoppedBy is null && pending.Count > 0 && wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }
        }

        return (walls, stoppedBy);
    }

    private async Task<IReadOnlyList<VkCallResult<VkWallPage>>> FetchAsync(VkWallRead[] batch, CancellationToken cancellationToken)
    {
        try
        {
            if (options.UseExecute)
            {
                return await client.ExecuteWallGetAsync([.. batch.Select(w => w.NextRequest)], cancellationToken);
            }

            return [new VkCallResult<VkWallPage>(await client.GetWallAsync(batch[0].NextRequest, cancellationToken), null)];
        }
        catch (VkApiException ex)
        {
            // The whole request failed (after the client's retries): every wall in it fails this poll.
            return [.. batch.Select(_ => new VkCallResult<VkWallPage>(null, ex))];
        }
    }

    private void Accept(string sourceId, VkWallRead wall, VkWallPage page)
    {
        var items = (page.Items ?? []).OfType<VkPost>().ToList();
        var plan = wall.Plan;
        if (wall.Offset == plan.StartOffset && wall.StartOffset > 0 && plan.ResumeCheckDate is { } check)
        {
            // A catch-up goes on below what the previous poll read. Its first page must still reach back to that
            // poll's oldest post; if not, posts above were deleted and some may have slid past the offset: start over.
            var top = items.FirstOrDefault(p => p.IsPinned != true);
            if (top is null || top.Date < check)
            {
                VkLog.WallShifted(logger, sourceId, wall.Community.Name);
                wall.StartOffset = wall.Offset = 0;
                return;
            }
        }

        var before = wall.Posts.Count;
        foreach (var post in items.Where(p => p.Id > 0))
        {
            wall.Posts.TryAdd(post.Id, post);
        }

        wall.Authors.Add(page.Profiles, page.Groups);
        wall.Offset += items.Count;

        // The wall is newest first except a pinned post on top, so the page's last unpinned post tells how far
        // back it reached; a pinned post older than the cursor neither stops the scan nor counts as new.
        var oldest = items.LastOrDefault(p => p.IsPinned != true);
        var reachedKnown = oldest is not null
            && ((plan.LastSeenId is { } seen && oldest.Id <= seen) || (plan.NotBefore is { } notBefore && oldest.Date < notBefore));
        var firstRead = plan.LastSeenId is null && plan.NotBefore is null;
        if (firstRead || reachedKnown || items.Count == 0 || (page.Count is { } total && wall.Offset >= total))
        {
            wall.Done = wall.Complete = true;
        }
        else if (wall.Posts.Count >= plan.MaxPosts || wall.Offset - wall.StartOffset >= plan.MaxPosts)
        {
            VkLog.WallTruncated(logger, sourceId, wall.Community.Name, plan.MaxPosts);
            wall.Done = wall.Complete = wall.Truncated = true;
        }
        else if (wall.Posts.Count == before)
        {
            // The page repeated what was read (no new ids): without a usable total this could go on forever.
            VkLog.WallPagesRepeat(logger, sourceId, wall.Community.Name, wall.Offset);
            wall.Done = wall.Complete = wall.Truncated = true;
        }
    }

    private void ReportWallError(string sourceId, VkCommunity community, VkApiException error)
    {
        if (VkErrorCodes.MeansBadSource(error.Code))
        {
            VkLog.BadCommunity(logger, sourceId, community.Name, error.Code);
            alerts.Raise("vk-source:" + community.Name,
                $"Стена сообщества VK «{community.Name}» не читается (ошибка {error.Code}); сообщество пропускается. Проверьте Sources:Vk:Communities.");
        }
        else if (VkErrorCodes.MeansUnavailableCommunity(error.Code))
        {
            var until = unavailable.Rest(community.OwnerId, options.UnavailableCommunityPause);
            VkLog.CommunityUnavailable(logger, sourceId, community.Name, error.Code, until);
            alerts.Raise("vk-source:" + community.Name,
                $"Стена сообщества VK «{community.Name}» закрыта, заблокирована или удалена (ошибка {error.Code}); сообщество пропускается до {until:yyyy-MM-dd HH:mm} UTC. Проверьте Sources:Vk:Communities.");
        }
        else
        {
            VkLog.CommunitySkipped(logger, sourceId, community.Name, error.Code);
        }
    }
}
