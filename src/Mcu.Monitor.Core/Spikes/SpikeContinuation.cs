namespace Mcu.Monitor.Spikes;

/// <summary>An elevated window that belongs to a burst already known (same pair, within the cooldown): no new alert.</summary>
public sealed record SpikeContinuation(SpikePair Pair, string IdempotencyKey, SpikeWindow Window);
