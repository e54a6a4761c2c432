namespace Mcu.Monitor.Triage;

/// <summary>The decision already made about a post (<c>post_triage</c>): what, by whom, when.</summary>
internal sealed record TriageRecord(TriageVerdict Verdict, string Actor, DateTimeOffset At);
