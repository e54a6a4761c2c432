namespace Mcu.Monitor.Reports.Weekly;

/// <summary>How a headline figure is shown and how its change is told.</summary>
public enum FigureKind
{
    /// <summary>A count; the change in per cent of last week's.</summary>
    Count,

    /// <summary>A share 0..1 shown in per cent; the change in percentage points.</summary>
    Share,

    /// <summary>Working hours; the change in per cent of last week's.</summary>
    Hours,
}
