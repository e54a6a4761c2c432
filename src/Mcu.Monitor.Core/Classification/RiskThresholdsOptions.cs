using System.ComponentModel.DataAnnotations;

namespace Mcu.Monitor.Classification;

/// <summary>Risk score cut-offs: a score at or above a threshold gets that level.</summary>
public sealed class RiskThresholdsOptions
{
    /// <summary>Default 0.25.</summary>
    [Range(0.0, 1.0)]
    public double Medium { get; set; } = 0.25;

    /// <summary>Default 0.5.</summary>
    [Range(0.0, 1.0)]
    public double High { get; set; } = 0.5;

    /// <summary>Default 0.75.</summary>
    [Range(0.0, 1.0)]
    public double Critical { get; set; } = 0.75;
}
