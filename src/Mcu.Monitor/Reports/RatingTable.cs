namespace Mcu.Monitor.Reports;

/// <summary>The rating of a period: ranked recipients first (rank 1 best), then those with no incidents.</summary>
public sealed record RatingTable(ReportPeriod Period, DateTimeOffset AsOf, IReadOnlyList<RatingRow> Rows);
