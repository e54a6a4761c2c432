namespace Mcu.Monitor.Spikes;

/// <summary>What one check decided: new bursts (each alerts once), elevated windows of known bursts, and every pair's latest burst after the check.</summary>
public sealed record SpikeDetection(
    IReadOnlyList<SpikeBurst> NewBursts,
    IReadOnlyList<SpikeContinuation> Continued,
    IReadOnlyDictionary<SpikePair, SpikeBurstState> State);
