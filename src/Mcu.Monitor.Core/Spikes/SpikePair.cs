namespace Mcu.Monitor.Spikes;

/// <summary>A sector × locality pair whose flow of negative posts is watched; <see cref="LocalityId"/> null is «no locality» («—»).</summary>
public readonly record struct SpikePair(string Sector, string? LocalityId)
{
    /// <summary>How the pair is written in keys and logs: <c>zhkh/ilovka</c>, <c>zhkh/-</c>.</summary>
    public override string ToString() => $"{Sector}/{LocalityId ?? "-"}";
}
