using System.Globalization;
using System.Text;

namespace Mcu.Monitor.Observability;

/// <summary>
/// Lines of the Prometheus text exposition format 0.0.4
/// (https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format): <c># HELP</c> and <c># TYPE</c>
/// once per family before its samples, escaped label values, invariant numbers, <c>\n</c> line ends on every platform.
/// </summary>
internal static class PrometheusText
{
    public static void Family(StringBuilder text, string name, string type, string help) => text
        .Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(help)).Append('\n')
        .Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

    public static void Sample(StringBuilder text, string name, long value) =>
        text.Append(name).Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');

    public static void Sample(StringBuilder text, string name, string label, string labelValue, long value) =>
        text.Append(name).Append('{').Append(label).Append("=\"").Append(EscapeLabelValue(labelValue)).Append("\"} ")
            .Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');

    public static void Sample(StringBuilder text, string name, double value) =>
        text.Append(name).Append(' ').Append(Number(value)).Append('\n');

    /// <summary>A label value: backslash, double quote and line feed are the three characters the format escapes.</summary>
    public static string EscapeLabelValue(string value) =>
        value.AsSpan().IndexOfAny('\\', '"', '\n') < 0 ? value : value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>HELP text escapes only backslash and line feed (a double quote stays as it is there).</summary>
    public static string EscapeHelp(string help) =>
        help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>A sample value: shortest round-trip form, and the format's own spellings of infinity and NaN.</summary>
    public static string Number(double value) =>
        double.IsPositiveInfinity(value) ? "+Inf"
        : double.IsNegativeInfinity(value) ? "-Inf"
        : double.IsNaN(value) ? "NaN"
        : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// A bucket bound for <c>le</c>: fixed-point (0.00005, not the round-trip 5E-05), so the label reads the way the
    /// buckets are documented and stays the same series if the bound is ever printed another way.
    /// </summary>
    public static string Bound(double value) =>
        double.IsPositiveInfinity(value) ? "+Inf" : value.ToString("0.###############", CultureInfo.InvariantCulture);
}
