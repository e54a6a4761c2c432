namespace Mcu.Monitor.Incidents;

/// <summary>One side of a merge decision: an appeal, or the appeal that opened an incident.</summary>
/// <param name="Sector">Its classified sector.</param>
/// <param name="LocalityId">Its detected locality, null when none was found.</param>
/// <param name="Text">Its text.</param>
public sealed record MergeSide(string Sector, string? LocalityId, string Text);
