using System.Globalization;
using System.Text.RegularExpressions;

namespace Mcu.Monitor.Tests.TestSupport;

/// <summary>Reads and checks the Prometheus text exposition format 0.0.4 that <c>/metrics</c> serves.</summary>
public static partial class PrometheusExposition
{
    /// <summary>The value of the sample written exactly as <paramref name="series"/> (name and labels), or null if absent.</summary>
    public static double? Value(string exposition, string series)
    {
        foreach (var line in exposition.Split('\n'))
        {
            if (line.StartsWith(series + " ", StringComparison.Ordinal))
            {
                return ParseValue(line[(series.Length + 1)..]);
            }
        }

        return null;
    }

    /// <summary>
    /// The rules a Prometheus server relies on: HELP then TYPE once per family and before its samples, a family's
    /// samples together, valid names and escaped label values, parseable numbers, histogram buckets cumulative and
    /// ending in <c>+Inf</c> equal to <c>_count</c>, <c>\n</c> line ends.
    /// </summary>
    public static void AssertWellFormed(string exposition)
    {
        Assert.EndsWith("\n", exposition, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', exposition);
        var declared = new HashSet<string>(StringComparer.Ordinal);
        string? family = null, type = null, pendingHelp = null;
        var buckets = new List<(string Le, double Value)>();
        foreach (var line in exposition[..^1].Split('\n'))
        {
            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                FinishHistogram(family, type, buckets, exposition);
                pendingHelp = line.Split(' ')[2];
                continue;
            }

            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                Assert.Equal(4, parts.Length);
                Assert.True(pendingHelp == parts[2], $"TYPE {parts[2]} not right after its HELP");
                Assert.True(declared.Add(parts[2]), $"family {parts[2]} declared twice");
                Assert.Contains(parts[3], new[] { "counter", "gauge", "histogram" });
                (family, type, pendingHelp) = (parts[2], parts[3], null);
                continue;
            }

            var sample = SampleLine().Match(line);
            Assert.True(sample.Success, $"not a valid sample line: «{line}»");
            var name = sample.Groups["name"].Value;
            var owner = type == "histogram" ? HistogramSuffix().Replace(name, "") : name;
            Assert.True(owner == family, $"sample {name} is not under its family's TYPE (current family {family})");
            var value = ParseValue(sample.Groups["value"].Value);
            if (name.EndsWith("_bucket", StringComparison.Ordinal))
            {
                var le = Regex.Match(sample.Groups["labels"].Value, "le=\"([^\"]*)\"").Groups[1].Value;
                Assert.True(buckets.Count == 0 || buckets[^1].Value <= value, $"{name}{{le=\"{le}\"}} is less than the bucket before it");
                buckets.Add((le, value));
            }
        }

        FinishHistogram(family, type, buckets, exposition);
    }

    private static void FinishHistogram(string? family, string? type, List<(string Le, double Value)> buckets, string exposition)
    {
        if (type != "histogram")
        {
            return;
        }

        Assert.NotEmpty(buckets);
        Assert.Equal("+Inf", buckets[^1].Le);
        Assert.Equal(buckets[^1].Value, Value(exposition, family + "_count"));
        Assert.NotNull(Value(exposition, family + "_sum"));
        buckets.Clear();
    }

    private static double ParseValue(string text) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<labels>\{[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*"(?:,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*")*\})? (?<value>\S+)$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex("_(bucket|sum|count)$")]
    private static partial Regex HistogramSuffix();
}
