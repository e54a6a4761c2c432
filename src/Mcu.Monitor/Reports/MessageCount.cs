namespace Mcu.Monitor.Reports;

/// <summary>Residents' posts and comments of one network and sector in a period, and how many of them are appeals.</summary>
public sealed record MessageCount(string Network, string Sector, int Messages, int Appeals);
