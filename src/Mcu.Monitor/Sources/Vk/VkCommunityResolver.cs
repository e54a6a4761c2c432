using System.Collections.Concurrent;
using Mcu.Monitor.Alerts;
using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Sources.Vk;

/// <summary>
/// Turns the configured communities into wall owner ids, once per process: numeric forms locally, screen
/// names with one <c>groups.getById</c> call. A name VK does not know is reported to the operators
/// (<c>vk-source:&lt;name&gt;</c>) and remembered as bad, so it is not asked for again.
/// </summary>
internal sealed class VkCommunityResolver(VkApiClient client, IOperatorAlerts alerts, ILogger<VkCommunityResolver> logger)
{
    /// <summary><c>group_ids</c> takes up to 500 ids per call.</summary>
    private const int MaxIdsPerCall = 500;

    private readonly ConcurrentDictionary<string, VkCommunity?> _resolved = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IReadOnlyList<VkCommunity>> ResolveAsync(IReadOnlyList<string> configured, string sourceId, CancellationToken cancellationToken)
    {
        var pending = new List<VkCommunityRef>();
        foreach (var name in configured.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (_resolved.ContainsKey(name))
            {
                continue;
            }

            if (!VkCommunityRef.TryParse(name, out var reference))
            {
                // Start-up validation refuses these; kept for callers that bypass it.
                MarkBad(name, sourceId, VkErrorCodes.InvalidParameter);
            }
            else if (reference.GroupId is { } id)
            {
                _resolved[name] = new VkCommunity(name, -id);
            }
            else
            {
                pending.Add(reference);
            }
        }

        foreach (var chunk in pending.Chunk(MaxIdsPerCall))
        {
            await ResolveScreenNamesAsync(chunk, sourceId, cancellationToken);
        }

        return configured
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(n => _resolved.TryGetValue(n, out var c) ? c : null)
            .OfType<VkCommunity>()
            .DistinctBy(c => c.OwnerId)
            .ToList();
    }

    private async Task ResolveScreenNamesAsync(VkCommunityRef[] references, string sourceId, CancellationToken cancellationToken)
    {
        IReadOnlyList<Models.VkGroup> groups;
        try
        {
            groups = await client.GetGroupsAsync([.. references.Select(r => r.ScreenName!)], cancellationToken);
        }
        catch (VkApiException ex) when (VkErrorCodes.MeansBadSource(ex.Code) && references.Length > 1)
        {
            // One unknown name fails the whole call: ask one by one to find which.
            foreach (var reference in references)
            {
                await ResolveScreenNamesAsync([reference], sourceId, cancellationToken);
            }

            return;
        }
        catch (VkApiException ex) when (VkErrorCodes.MeansBadSource(ex.Code) || VkErrorCodes.SkipsObject(ex.Code))
        {
            MarkBad(references[0].Configured, sourceId, ex.Code);
            return;
        }

        var byName = groups
            .Where(g => g.Id > 0 && g.ScreenName is not null)
            .GroupBy(g => g.ScreenName!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
        foreach (var reference in references)
        {
            if (byName.TryGetValue(reference.ScreenName!, out var id))
            {
                _resolved[reference.Configured] = new VkCommunity(reference.Configured, -id);
                VkLog.CommunityResolved(logger, reference.Configured, -id);
            }
            else if (references.Length == 1 && groups.Count == 1 && groups[0].Id > 0)
            {
                // A renamed community answers with its new screen name; a single answer is unambiguous.
                _resolved[reference.Configured] = new VkCommunity(reference.Configured, -groups[0].Id);
                VkLog.CommunityResolved(logger, reference.Configured, -groups[0].Id);
            }
            else
            {
                MarkBad(reference.Configured, sourceId, VkErrorCodes.NotFound);
            }
        }
    }

    private void MarkBad(string name, string sourceId, int code)
    {
        _resolved[name] = null;
        VkLog.BadCommunity(logger, sourceId, name, code);
        alerts.Raise("vk-source:" + name, $"Сообщество VK «{name}» не найдено или недоступно (ошибка {code}); оно пропускается. Проверьте Sources:Vk:Communities.");
    }
}
