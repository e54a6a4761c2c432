namespace Mcu.Monitor.Reports;

/// <summary>How a report value is shown: text, a whole number, a decimal (one place), or a share shown as a percentage.</summary>
public enum ReportValueFormat
{
    Text,
    Count,
    OneDecimal,
    Percent,
}

/// <summary>One cell of a report table: text, or a number (null when there is no data).</summary>
public readonly record struct ReportValue(string? Text, double? Number, ReportValueFormat Format)
{
    public static ReportValue Of(string? text) => new(text ?? "", null, ReportValueFormat.Text);

    public static ReportValue Count(double? value) => new(null, value, ReportValueFormat.Count);

    public static ReportValue OneDecimal(double? value) => new(null, value, ReportValueFormat.OneDecimal);

    public static ReportValue Percent(double? value) => new(null, value, ReportValueFormat.Percent);
}

/// <summary>A column: its Russian header and width in characters.</summary>
public sealed record ReportColumn(string Header, double Width);

/// <summary>
/// One sheet of the indicator report, written to XLSX as it is and to CSV in long form. <see cref="KeyColumns"/> leading
/// columns name the row (the CSV's «Объект»); in a <see cref="Vertical"/> table (name, unit, value) each row is one indicator.
/// </summary>
public sealed record ReportTable(string Name, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<IReadOnlyList<ReportValue>> Rows, int KeyColumns, bool Vertical = false);
