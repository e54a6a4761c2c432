namespace Mcu.Monitor.Reports.Weekly;

/// <summary>A resident's post or comment as the weekly note reads it: its classification, locality, text and link.</summary>
/// <param name="Key">The post key.</param>
/// <param name="Network"><c>vk</c>, <c>ok</c> or <c>telegram</c>.</param>
/// <param name="PublishedAt">When it was published.</param>
/// <param name="Sector">The classifier's sector; <c>other</c> when the post was not classified.</param>
/// <param name="IsAppeal">Classified as an appeal.</param>
/// <param name="RiskLevel"><c>Low</c>, <c>Medium</c>, <c>High</c> or <c>Critical</c>; <c>Low</c> when not classified.</param>
/// <param name="RiskScore">The classifier's risk score 0..1.</param>
/// <param name="LocalityId">The detected locality, if any.</param>
/// <param name="Text">Empty once retention has erased it.</param>
/// <param name="Url">The post on its network.</param>
public sealed record ResidentMessage(
    string Key,
    string Network,
    DateTimeOffset PublishedAt,
    string Sector,
    bool IsAppeal,
    string RiskLevel,
    double RiskScore,
    string? LocalityId,
    string Text,
    string? Url)
{
    /// <summary>Negative: the classifier put its risk above Low (negative tone, escalation, sensitive or severe signals).</summary>
    public bool IsNegative => RiskLevel is not "Low";
}
