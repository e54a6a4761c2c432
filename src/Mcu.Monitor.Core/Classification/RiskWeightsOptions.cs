namespace Mcu.Monitor.Classification;

/// <summary>
/// How the lexicon classifier adds up a 0..1 risk score. Each signal counts up to its cap.
/// Defaults were set by hand on the bundled sample feed (README, «Classifier»).
/// </summary>
public sealed class RiskWeightsOptions
{
    /// <summary>Base for an appeal: a resident's unanswered complaint is itself an information risk. Default 0.25.</summary>
    public double Appeal { get; set; } = 0.25;

    /// <summary>Per negative-tone term, up to 4 terms. Default 0.12.</summary>
    public double Negative { get; set; } = 0.12;

    /// <summary>Per escalation term, up to 2. Default 0.3.</summary>
    public double Escalation { get; set; } = 0.3;

    /// <summary>Per profanity term, up to 2. Default 0.25.</summary>
    public double Profanity { get; set; } = 0.25;

    /// <summary>Per sensitive-topic term, up to 2. Default 0.15.</summary>
    public double Sensitive { get; set; } = 0.15;

    /// <summary>Per severe-situation term, up to 2. Default 0.25.</summary>
    public double Severe { get; set; } = 0.25;

    /// <summary>Shouting: most letters in capitals in a text of 20+ letters. Default 0.1.</summary>
    public double Shouting { get; set; } = 0.1;

    /// <summary>Engagement (likes + 2·comments + 3·reposts) on a log scale, at most this much. Default 0.15.</summary>
    public double Engagement { get; set; } = 0.15;

    /// <summary>A post that is not an appeal has its score multiplied by this. Default 0.6.</summary>
    public double NonAppealFactor { get; set; } = 0.6;

    /// <summary>
    /// The negative-tone model's probability times this, when it is at or above the model's threshold; it
    /// counts instead of the lexicon's negative terms when larger. Default 0.12 (about one negative term), chosen on the
    /// sample feed: 0.3 put risk within one level of its labels for 86% of posts, 0.12 for 93%.
    /// </summary>
    public double NegativeModel { get; set; } = 0.12;

    /// <summary>The inappropriateness model's probability times this, above its threshold. Default 0.1.</summary>
    public double Inappropriate { get; set; } = 0.1;

    /// <summary>Engagement velocity (weighted reactions per hour since publication) on a log scale, at most this much. Default 0.1.</summary>
    public double Velocity { get; set; } = 0.1;

    /// <summary>Reactions per hour that earn the full <see cref="Velocity"/> weight. Default 100.</summary>
    public double VelocityFullAt { get; set; } = 100;
}
