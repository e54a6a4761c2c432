using System.Globalization;

namespace Mcu.Monitor.Reports;

/// <summary>
/// CSV as Russian Excel opens it with a double click: UTF-8 with a byte order mark, <c>;</c> between fields, a decimal
/// comma, and RFC 4180 quoting (a field with <c>;</c>, a quote or a line break is put in quotes, quotes doubled).
/// </summary>
public static class CsvText
{
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    /// <summary>A number with a decimal comma and no thousands separator (up to 4 decimals); empty for null.</summary>
    public static string Number(double? value) => value is { } v ? Math.Round(v, 4).ToString("0.####", Russian) : "";
}
