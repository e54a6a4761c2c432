namespace Mcu.Monitor.Triage;

/// <summary>
/// An officer's decision about one post. <see cref="Actor"/> is the officer's login, recorded on every event, the
/// training feedback and the audit log.
/// </summary>
public sealed record TriageDecision(string PostKey, TriageVerdict Verdict, string Actor)
{
    /// <summary>The corrected sector (one of <c>Classification:Lexicon:Sectors</c> or <c>other</c>), or null to keep it.</summary>
    public string? Sector { get; init; }

    /// <summary>The corrected risk level (Low, Medium, High, Critical; any letter case), or null to keep it.</summary>
    public string? RiskLevel { get; init; }

    /// <summary>
    /// The recipient the officer chose (one of <c>Routing:Recipients</c>), or null to keep the incident's (or, for an
    /// incident opened now, the one the routing rules choose). On <see cref="TriageVerdict.Merge"/> it reassigns the
    /// incident the post joins.
    /// </summary>
    public string? RecipientId { get; init; }

    /// <summary>The open incident the post joins (<see cref="TriageVerdict.Merge"/> only).</summary>
    public long? MergeIntoIncidentId { get; init; }

    /// <summary>The officer's note: kept with the decision and in the events it causes.</summary>
    public string? Note { get; init; }
}
