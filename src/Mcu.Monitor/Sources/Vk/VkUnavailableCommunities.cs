using System.Collections.Concurrent;

namespace Mcu.Monitor.Sources.Vk;

/// <summary>
/// Communities whose wall VK refused as closed, private, blocked or deleted, each resting until a time
/// (<see cref="VkOptions.UnavailableCommunityPause"/>): one per process, shared by the walls and comments sources.
/// </summary>
internal sealed class VkUnavailableCommunities(TimeProvider time)
{
    private readonly ConcurrentDictionary<long, DateTimeOffset> _until = new();

    public DateTimeOffset Rest(long ownerId, TimeSpan pause)
    {
        var until = time.GetUtcNow() + pause;
        _until[ownerId] = until;
        return until;
    }

    public bool IsResting(long ownerId, out DateTimeOffset until)
    {
        if (_until.TryGetValue(ownerId, out until))
        {
            if (until > time.GetUtcNow())
            {
                return true;
            }

            _until.TryRemove(ownerId, out _);
        }

        return false;
    }
}
