using Mcu.Monitor.Evaluation;

namespace Mcu.Monitor.Tests.Evaluation;

public class ClassificationReportTests
{
    [Fact]
    public void Metrics_HandComputedExample_Match()
    {
        var report = new ClassificationReport();
        report.Add("a", "a");
        report.Add("a", "b");
        report.Add("b", "b");
        report.Add("b", "b");

        Assert.Equal(0.75, report.Accuracy, 3);
        var a = report.For("a"); // tp 1, fp 0, fn 1
        Assert.Equal(1.0, a.Precision, 3);
        Assert.Equal(0.5, a.Recall, 3);
        Assert.Equal(2.0 / 3, a.F1, 3);
        var b = report.For("b"); // tp 2, fp 1, fn 0
        Assert.Equal(0.8, b.F1, 3);
        Assert.Equal(((2.0 / 3) + 0.8) / 2, report.MacroF1, 3);
    }
}
