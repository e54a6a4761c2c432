using ScottPlot;

namespace Mcu.Monitor.Reports.Weekly;

/// <summary>
/// Draws a <see cref="ChartSpec"/> with ScottPlot (SkiaSharp, headless) as PNG. Labels are Russian, so the font must
/// have Cyrillic glyphs: the first installed of <see cref="PreferredFonts"/> (DejaVu Sans comes with Debian's
/// fontconfig; Liberation Sans and Arial elsewhere), else the font ScottPlot picks for the text
/// (<c>Fonts.Detect</c>). With no Cyrillic font at all the labels show as boxes; the numbers are in
/// the note's tables anyway.
/// </summary>
public static class WeeklyNoteCharts
{
    public const int Width = 900;
    public const int Height = 420;

    public static readonly IReadOnlyList<string> PreferredFonts = ["DejaVu Sans", "Liberation Sans", "Arial", "Noto Sans", "PT Sans"];

    private static readonly Lazy<string> Font = new(() =>
        PreferredFonts.FirstOrDefault(SkiaSharp.SKFontManager.Default.FontFamilies.Contains) is { } preferred ? preferred
        : Fonts.Detect("Обращения") is { Length: > 0 } detected ? detected
        : Fonts.Default);

    /// <summary>The font the charts are drawn with.</summary>
    public static string FontName => Font.Value;

    /// <summary>The chart as PNG bytes of <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    public static byte[] Render(ChartSpec chart, int width = Width, int height = Height)
    {
        var plot = new Plot();
        try
        {
            var palette = new ScottPlot.Palettes.Category10();
            switch (chart.Kind)
            {
                case ChartKind.StackedBars:
                    Stacked(plot, chart, palette);
                    break;
                case ChartKind.GroupedBars:
                    Grouped(plot, chart, palette);
                    break;
                default:
                    Horizontal(plot, chart, palette);
                    break;
            }

            plot.Title(chart.Title);
            plot.HideGrid();
            plot.Font.Set(FontName);
            plot.Legend.FontName = FontName;
            return plot.GetImageBytes(width, height, ImageFormat.Png);
        }
        finally
        {
            plot.Dispose();
        }
    }

    private static void Stacked(Plot plot, ChartSpec chart, ScottPlot.Palettes.Category10 palette)
    {
        var bars = new List<Bar>();
        var bases = new double[chart.Categories.Count];
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var color = palette.GetColor(s);
            for (var c = 0; c < chart.Categories.Count; c++)
            {
                var value = chart.Series[s].Values[c];
                if (value > 0)
                {
                    bars.Add(new Bar { Position = c, ValueBase = bases[c], Value = bases[c] + value, FillColor = color });
                    bases[c] += value;
                }
            }

            plot.Legend.ManualItems.Add(new LegendItem { LabelText = chart.Series[s].Name, FillColor = color });
        }

        plot.Add.Bars(bars);
        CategoryTicks(plot.Axes.Bottom, chart.Categories, i => i);
        plot.Axes.Left.Label.Text = chart.ValueLabel;
        plot.Axes.Margins(bottom: 0);
        plot.Axes.SetLimitsY(0, Math.Max(1, bases.DefaultIfEmpty(0).Max()) * 1.1);
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.ShowLegend(Edge.Bottom);
    }

    private static void Grouped(Plot plot, ChartSpec chart, ScottPlot.Palettes.Category10 palette)
    {
        var bars = new List<Bar>();
        var groupWidth = chart.Series.Count + 1;
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var color = palette.GetColor(s);
            for (var c = 0; c < chart.Categories.Count; c++)
            {
                bars.Add(new Bar { Position = (c * groupWidth) + s, Value = chart.Series[s].Values[c], FillColor = color });
            }

            plot.Legend.ManualItems.Add(new LegendItem { LabelText = chart.Series[s].Name, FillColor = color });
        }

        plot.Add.Bars(bars);
        CategoryTicks(plot.Axes.Bottom, chart.Categories, i => (i * groupWidth) + ((chart.Series.Count - 1) / 2.0));
        plot.Axes.Left.Label.Text = chart.ValueLabel;
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperRight);
    }

    private static void Horizontal(Plot plot, ChartSpec chart, ScottPlot.Palettes.Category10 palette)
    {
        var bars = new List<Bar>();
        var count = chart.Categories.Count;
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var color = palette.GetColor(s);
            for (var c = 0; c < count; c++)
            {
                // The first category on top; later series drawn over the first, thinner (a part of the whole).
                bars.Add(new Bar { Position = count - 1 - c, Value = chart.Series[s].Values[c], FillColor = color, Size = s == 0 ? 0.8 : 0.4 });
            }

            plot.Legend.ManualItems.Add(new LegendItem { LabelText = chart.Series[s].Name, FillColor = color });
        }

        var added = plot.Add.Bars(bars);
        added.Horizontal = true;
        CategoryTicks(plot.Axes.Left, chart.Categories, i => count - 1 - i);
        plot.Axes.Bottom.Label.Text = chart.ValueLabel;
        plot.Axes.Margins(left: 0);
        if (count == 0)
        {
            plot.Add.Annotation("нет данных");
        }

        plot.ShowLegend(Alignment.LowerRight);
    }

    private static void CategoryTicks(IAxis axis, IReadOnlyList<string> categories, Func<int, double> position)
    {
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. categories.Select((label, i) => new Tick(position(i), label))]);
        axis.MajorTickStyle.Length = 0;
    }
}
