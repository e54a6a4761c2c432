using System.Text.Json;
using Mcu.Monitor.Classification;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Incidents;
using Mcu.Monitor.Localities;
using Mcu.Monitor.Tests.TestSupport;
using Xunit.Abstractions;

namespace Mcu.Monitor.Tests.Incidents;

/// <summary>
/// Measures the merge decision exactly as the store makes it — <see cref="MergeDecision"/> with the shipped
/// <c>Incidents:Merge</c> options, on the classified sector and detected locality of each side — on pairs of complaints
/// written by the team and labelled duplicate or not. The rule and its thresholds were designed on
/// TestData/merging/pairs.jsonl (in-sample); pairs-holdout.jsonl was written before that work and kept out of it (held
/// out). The floors sit just under the measured values and guard against regressions (README, «Incidents»). Run with
/// <c>dotnet test --filter MergeQuality --logger "console;verbosity=detailed"</c> to see the numbers.
/// </summary>
public class MergeQualityTests(ITestOutputHelper output)
{
    private static readonly IncidentMergeOptions Shipped = TestConfiguration.Bind<IncidentOptions>(IncidentOptions.SectionName).Merge;

    [Fact]
    public void MergeDecision_OnDesignPairs_MeetsMeasuredFloors()
    {
        var (precision, recall) = Measure("pairs.jsonl", "in-sample");
        Assert.True(precision >= DesignPrecisionFloor, $"precision {precision}");
        Assert.True(recall >= DesignRecallFloor, $"recall {recall}");
    }

    [Fact]
    public void MergeDecision_OnHeldOutPairs_MeetsMeasuredFloors()
    {
        var (precision, recall) = Measure("pairs-holdout.jsonl", "held out");
        Assert.True(precision >= HoldoutPrecisionFloor, $"precision {precision}");
        Assert.True(recall >= HoldoutRecallFloor, $"recall {recall}");
    }

    [Fact]
    public void MergeDecision_Default_StaysOffWhileHeldOutRecallIsLow()
    {
        // Turned on by default only when the held-out pairs show precision ≥ 0.9 and recall ≥ 0.5 (issue #6);
        // measured 0.879 and 0.279.
        Assert.False(new IncidentMergeOptions().Enabled);
        Assert.False(Shipped.Enabled);
    }

    private (double Precision, double Recall) Measure(string file, string kind)
    {
        var classifier = new LexiconClassifier(TestConfiguration.Classification());
        var localities = new LocalityDetector(TestConfiguration.Territory());
        var decision = new MergeDecision(Shipped, localities.IsPlaceWord);
        int tp = 0, fp = 0, fn = 0, tn = 0;
        var missed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "merging", file)))
        {
            using var pair = JsonDocument.Parse(line);
            var a = Side(pair.RootElement.GetProperty("a").GetString()!);
            var b = Side(pair.RootElement.GetProperty("b").GetString()!);
            var duplicate = pair.RootElement.GetProperty("duplicate").GetBoolean();
            var verdict = decision.Decide(a, b);
            if (duplicate && !verdict.Merge)
            {
                var rule = verdict.Reason.StartsWith("общих слов", StringComparison.Ordinal) ? "too few shared words or too little alike" : verdict.Reason;
                missed[rule] = missed.GetValueOrDefault(rule) + 1;
            }

            (tp, fp, fn, tn) = (verdict.Merge, duplicate) switch
            {
                (true, true) => (tp + 1, fp, fn, tn),
                (true, false) => (tp, fp + 1, fn, tn),
                (false, true) => (tp, fp, fn + 1, tn),
                _ => (tp, fp, fn, tn + 1),
            };
        }

        var precision = Math.Round((double)tp / Math.Max(1, tp + fp), 3);
        var recall = Math.Round((double)tp / Math.Max(1, tp + fn), 3);
        output.WriteLine(FormattableString.Invariant(
            $"{file} ({kind}): pairs {tp + fp + fn + tn} (duplicates {tp + fn}): precision {precision:0.000}, recall {recall:0.000} (tp {tp}, fp {fp}, fn {fn}, tn {tn}); shared words ≥ {Shipped.MinSharedWords}, similarity ≥ {Shipped.MinSimilarity} ({Shipped.MinSimilarityWildcard} with a wildcard)"));
        output.WriteLine("missed duplicates: " + string.Join(", ", missed.OrderByDescending(m => m.Value).Select(m => $"{m.Value} {m.Key}")));
        Assert.True(tp + fp + fn + tn >= 200, "a labelled set must hold at least 200 pairs");
        return (precision, recall);

        MergeSide Side(string text) => new(classifier.Classify(text, Engagement.None).Sector, localities.Detect(text)?.LocalityId, text);
    }

    // Just under the values measured when the decision was final (README): in-sample precision 0.955, recall 0.183;
    // held out (measured once) precision 0.879, recall 0.279.
    private const double DesignPrecisionFloor = 0.93;
    private const double DesignRecallFloor = 0.16;
    private const double HoldoutPrecisionFloor = 0.86;
    private const double HoldoutRecallFloor = 0.26;
}
