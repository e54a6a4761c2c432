namespace Mcu.Monitor.Reports;

/// <summary>One recipient's incidents in a period, and its official page when <c>Reports:RecipientPages</c> names one.</summary>
public sealed record RecipientMetrics(string RecipientId, string Name, IncidentStats Stats, OfficialPageActivity? Page);
