namespace Mcu.Monitor.Reports.Weekly;

/// <summary>One headline number of the note, this week's and last week's (null when there was nothing to measure).</summary>
public sealed record HeadlineFigure(string Label, FigureKind Kind, double? Current, double? Previous)
{
    /// <summary>Current − previous (for a share, in 0..1); null when either is unknown.</summary>
    public double? Delta => Current is { } c && Previous is { } p ? c - p : null;

    /// <summary>The change in per cent of last week's value; null for shares, unknown values or a zero last week.</summary>
    public double? PercentChange => Kind != FigureKind.Share && Delta is { } d && Previous is { } p && p != 0 ? d / p * 100 : null;
}
