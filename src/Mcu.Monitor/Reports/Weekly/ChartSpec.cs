namespace Mcu.Monitor.Reports.Weekly;

/// <summary>A chart of the note as data: <see cref="WeeklyNoteCharts"/> draws it; tests read its series.</summary>
/// <param name="Id">File-name stem: <c>volume</c>, <c>risk</c>, <c>localities</c>.</param>
/// <param name="Title">The chart's title.</param>
/// <param name="Kind">How the series are drawn.</param>
/// <param name="Categories">Labels of the categories (days, risk levels, localities).</param>
/// <param name="Series">The series, each with a value per category.</param>
/// <param name="ValueLabel">What the values count.</param>
public sealed record ChartSpec(string Id, string Title, ChartKind Kind, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series, string ValueLabel);
