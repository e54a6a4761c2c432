namespace Mcu.Monitor.Reports.Weekly;

/// <summary>
/// Rows of the spike detector's table <c>risk_spikes</c> for the week, as stored: the columns are whatever the table
/// has. <see cref="TimeColumn"/> is the column the rows were selected by; null when the table has none the note knows,
/// and then no row is listed.
/// </summary>
public sealed record RiskSpikeTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows, string? TimeColumn);
