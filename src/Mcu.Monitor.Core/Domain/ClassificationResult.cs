namespace Mcu.Monitor.Domain;

/// <summary>What a classifier decided about one post, and why.</summary>
public sealed record ClassificationResult
{
    public required string Sector { get; init; }

    /// <summary>The post needs an answer from the administration or a responsible organisation.</summary>
    public required bool IsAppeal { get; init; }

    public required RiskLevel Risk { get; init; }

    /// <summary>Risk on a 0..1 scale; <see cref="Risk"/> is this score cut by configured thresholds.</summary>
    public required double RiskScore { get; init; }

    /// <summary>Human-readable reasons naming the matched terms, in the order they were decided.</summary>
    public required IReadOnlyList<string> Reasons { get; init; }

    public required string ModelVersion { get; init; }
}
