using Mcu.Monitor.Evaluation;

namespace Mcu.Monitor.Tests.Evaluation;

public class ClassificationReportConfusionTests
{
    [Fact]
    public void Metrics_ThreeClassesByHand_Match()
    {
        // expected → predicted, 8 items:
        //   roads → roads ×3, roads → zhkh ×1, zhkh → zhkh ×2, zhkh → roads ×1, tko → zhkh ×1
        var report = new ClassificationReport();
        foreach (var (e, p, n) in new[] { ("roads", "roads", 3), ("roads", "zhkh", 1), ("zhkh", "zhkh", 2), ("zhkh", "roads", 1), ("tko", "zhkh", 1) })
        {
            for (var i = 0; i < n; i++)
            {
                report.Add(e, p);
            }
        }

        Assert.Equal(5.0 / 8, report.Accuracy, 6); // 3 + 2 right of 8
        // roads: tp 3, fp 1 (a zhkh), fn 1 → precision 3/4, recall 3/4, F1 0.75
        Assert.Equal((0.75, 0.75, 0.75, 4), Round(report.For("roads")));
        // zhkh: tp 2, fp 2 (a roads, a tko), fn 1 → precision 2/4 = 0.5, recall 2/3, F1 = 2·2/(2·2+2+1) = 4/7
        Assert.Equal((0.5, Math.Round(2.0 / 3, 6), Math.Round(4.0 / 7, 6), 3), Round(report.For("zhkh")));
        // tko: tp 0, fp 0, fn 1 → precision 0 (nothing predicted), recall 0, F1 0
        Assert.Equal((0.0, 0.0, 0.0, 1), Round(report.For("tko")));
        // macro-F1 over the expected classes: (0.75 + 4/7 + 0) / 3
        Assert.Equal((0.75 + (4.0 / 7)) / 3, report.MacroF1, 6);
        Assert.Equal(1, report.Count("tko", "zhkh"));
        Assert.Equal(0, report.Count("tko", "tko"));

        var matrix = report.FormatConfusion(["roads", "tko", "zhkh"]).Split('\n');
        Assert.Matches(@"^\s+roads\s+3\s+0\s+1\s*$", matrix[2]);
        Assert.Matches(@"^\s+tko\s+0\s+0\s+1\s*$", matrix[3]);
        Assert.Matches(@"^\s+zhkh\s+1\s+0\s+2\s*$", matrix[4]);
    }

    private static (double, double, double, int) Round((double P, double R, double F1, int Support) m) =>
        (Math.Round(m.P, 6), Math.Round(m.R, 6), Math.Round(m.F1, 6), m.Support);
}
