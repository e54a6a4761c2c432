namespace Mcu.Monitor.Reports.Weekly;

public enum ChartKind
{
    /// <summary>Vertical bars, one per category, the series stacked on each other.</summary>
    StackedBars,

    /// <summary>Vertical bars, the series side by side within each category.</summary>
    GroupedBars,

    /// <summary>Horizontal bars of the first series, the first category on top.</summary>
    HorizontalBars,
}
