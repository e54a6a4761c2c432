namespace Mcu.Monitor.Reports.Weekly;

/// <summary>One series of a chart: a value per category of the chart, in the chart's category order.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);
