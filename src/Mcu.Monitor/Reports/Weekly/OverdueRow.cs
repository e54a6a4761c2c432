namespace Mcu.Monitor.Reports.Weekly;

/// <summary>An incident open past its running deadline at the note's moment; <see cref="DaysOverdue"/> counts whole calendar days.</summary>
public sealed record OverdueRow(
    long Id, string RecipientId, string RecipientName, string SectorName, string LocalityName, DateTimeOffset Due, int DaysOverdue, string? Url);
