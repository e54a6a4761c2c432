namespace Mcu.Monitor.Spikes;

/// <summary>A stored spike ready to send to the head: the pair by name, its fullest window so far and the posts behind it.</summary>
public sealed record SpikeAlert
{
    public required long SpikeId { get; init; }

    public required string IdempotencyKey { get; init; }

    public required string RecipientId { get; init; }

    public required string RecipientName { get; init; }

    public required string Sector { get; init; }

    public required string SectorName { get; init; }

    /// <summary>Null when the posts name no locality.</summary>
    public string? LocalityName { get; init; }

    public required DateTimeOffset WindowStart { get; init; }

    public required DateTimeOffset WindowEnd { get; init; }

    /// <summary>Negative posts in the window (the fullest one of the burst when it was stored).</summary>
    public required int Count { get; init; }

    /// <summary>The pair's usual count per window of the same length.</summary>
    public required double Baseline { get; init; }

    /// <summary>The least count that was a burst for this pair.</summary>
    public required int Threshold { get; init; }

    /// <summary>The posts behind it, riskiest first (the stored ones, up to 10).</summary>
    public required IReadOnlyList<SpikePost> Posts { get; init; }
}
