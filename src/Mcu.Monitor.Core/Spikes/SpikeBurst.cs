namespace Mcu.Monitor.Spikes;

/// <summary>A new burst: the pair, the key that makes it alert once, and its first elevated window.</summary>
public sealed record SpikeBurst(SpikePair Pair, string IdempotencyKey, SpikeWindow Window);
