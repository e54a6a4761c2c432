using System.ComponentModel.DataAnnotations;

namespace Mcu.Monitor.Classification;

/// <summary>Settings of the classifier (section <c>Classification</c>).</summary>
public sealed class ClassificationOptions
{
    public const string SectionName = "Classification";

    /// <summary>The least sector score (sum of term weights) to assign a sector instead of <c>other</c>. Default 1.</summary>
    [Range(1, 100)]
    public int MinSectorScore { get; set; } = 1;

    public LexiconOptions Lexicon { get; set; } = new();

    public RiskWeightsOptions RiskWeights { get; set; } = new();

    public RiskThresholdsOptions RiskThresholds { get; set; } = new();

    public ModelsOptions Models { get; set; } = new();
}
