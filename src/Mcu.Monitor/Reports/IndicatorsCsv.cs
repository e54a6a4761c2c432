using System.Globalization;
using System.Text;

namespace Mcu.Monitor.Reports;

/// <summary>
/// The indicator report as one CSV in long form, for Excel and for loading elsewhere: columns
/// <c>Раздел;Объект;Показатель;Значение</c> — the sheet, what the row is about (a channel and sector, a recipient, a page,
/// an incident; empty for the period's indicators), the indicator (for the period's indicators with its unit), the value.
/// UTF-8 with a byte order mark, <c>;</c> separator, decimal comma, shares as fractions (0,75), RFC 4180 quoting
/// (<see cref="CsvText"/>); an empty value means no data.
/// </summary>
public static class IndicatorsCsv
{
    public static void Write(string path, IReadOnlyList<ReportTable> tables) =>
        File.WriteAllText(path, Text(tables), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

    public static string Text(IReadOnlyList<ReportTable> tables)
    {
        var text = new StringBuilder();
        text.Append("Раздел;Объект;Показатель;Значение\r\n");
        foreach (var table in tables)
        {
            foreach (var row in table.Rows)
            {
                if (table.Vertical)
                {
                    var unit = row[1].Text;
                    Line(text, table.Name, "", string.IsNullOrEmpty(unit) ? row[0].Text! : $"{row[0].Text}, {unit}", row[^1]);
                    continue;
                }

                var subject = string.Join(" / ", row.Take(table.KeyColumns).Select(Format).Where(v => v.Length > 0));
                for (var column = table.KeyColumns; column < table.Columns.Count; column++)
                {
                    Line(text, table.Name, subject, table.Columns[column].Header, row[column]);
                }
            }
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, string section, string subject, string indicator, ReportValue value) =>
        text.Append(CsvText.Field(section)).Append(';').Append(CsvText.Field(subject)).Append(';').Append(CsvText.Field(indicator)).Append(';')
            .Append(CsvText.Field(Format(value))).Append("\r\n");

    private static string Format(ReportValue value) => value.Format switch
    {
        ReportValueFormat.Text => value.Text ?? "",
        ReportValueFormat.Count => value.Number?.ToString("0", CultureInfo.InvariantCulture) ?? "",
        _ => CsvText.Number(value.Number),
    };
}
