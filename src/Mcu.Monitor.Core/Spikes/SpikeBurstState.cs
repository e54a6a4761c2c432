namespace Mcu.Monitor.Spikes;

/// <summary>
/// The latest burst of a pair as stored: its key (built from its first window), that window's start, and the end of
/// its last elevated window. The detector continues it or, once the cooldown has passed, starts a new one.
/// </summary>
public sealed record SpikeBurstState(SpikePair Pair, string IdempotencyKey, DateTimeOffset FirstWindowStart, DateTimeOffset LastElevatedEnd);
