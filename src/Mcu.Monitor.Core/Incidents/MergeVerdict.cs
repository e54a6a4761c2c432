namespace Mcu.Monitor.Incidents;

/// <summary>What <see cref="MergeDecision"/> decided and why, in words an officer can read in the incident's history.</summary>
/// <param name="Merge">True when the appeal joins the incident.</param>
/// <param name="Similarity">How alike the texts are (<see cref="MergeDecision.Similarity"/>); 0 when a rule refused first.</param>
/// <param name="Reason">The rule that decided, in Russian.</param>
public readonly record struct MergeVerdict(bool Merge, double Similarity, string Reason);
