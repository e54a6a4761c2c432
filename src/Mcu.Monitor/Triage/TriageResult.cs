namespace Mcu.Monitor.Triage;

/// <summary>
/// What came of a decision or a correction: applied or refused (nothing changed), a message in Russian for the officer,
/// and the incident the post is in afterwards.
/// </summary>
public sealed record TriageResult(bool Applied, string Message, long? IncidentId)
{
    public static TriageResult Refused(string message) => new(false, message, null);
}
