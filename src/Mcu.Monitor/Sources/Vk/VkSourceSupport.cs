using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Sources.Vk;

/// <summary>Steps the VK sources share.</summary>
internal static class VkSourceSupport
{
    /// <summary>
    /// The configured communities, resolved. When the token cannot be used now (refused, resting, quota) the
    /// source reads nothing and ends cleanly; any other failure escapes and fails only this source's poll.
    /// </summary>
    public static async Task<IReadOnlyList<VkCommunity>> ResolveAsync(
        VkCommunityResolver resolver, VkOptions options, string sourceId, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            return await resolver.ResolveAsync(options.Communities, sourceId, cancellationToken);
        }
        catch (VkApiException ex) when (VkErrorCodes.StopsReading(ex.Code))
        {
            VkLog.ReadStopped(logger, sourceId, ex.Code);
            return [];
        }
    }
}
