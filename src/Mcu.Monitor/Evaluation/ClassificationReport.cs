using System.Globalization;
using System.Text;

namespace Mcu.Monitor.Evaluation;

/// <summary>Accuracy, per-class precision/recall/F1 and macro-F1 from (expected, predicted) pairs.</summary>
public sealed class ClassificationReport
{
    private readonly Dictionary<(string Expected, string Predicted), int> _counts = [];

    public int Total { get; private set; }

    public void Add(string expected, string predicted)
    {
        Total++;
        _counts[(expected, predicted)] = _counts.GetValueOrDefault((expected, predicted)) + 1;
    }

    public IReadOnlyList<string> Labels =>
        [.. _counts.Keys.SelectMany(k => new[] { k.Expected, k.Predicted }).Distinct().Order(StringComparer.Ordinal)];

    public double Accuracy => Total == 0 ? 0 : (double)_counts.Where(p => p.Key.Expected == p.Key.Predicted).Sum(p => p.Value) / Total;

    public (double Precision, double Recall, double F1, int Support) For(string label)
    {
        var tp = _counts.GetValueOrDefault((label, label));
        var fp = _counts.Where(p => p.Key.Predicted == label && p.Key.Expected != label).Sum(p => p.Value);
        var fn = _counts.Where(p => p.Key.Expected == label && p.Key.Predicted != label).Sum(p => p.Value);
        var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        var f1 = tp == 0 ? 0 : 2.0 * tp / ((2 * tp) + fp + fn);
        return (precision, recall, f1, tp + fn);
    }

    /// <summary>Macro-F1 over the labels that occur in the expected column.</summary>
    public double MacroF1
    {
        get
        {
            var expected = _counts.Keys.Select(k => k.Expected).Distinct().ToList();
            return expected.Count == 0 ? 0 : expected.Average(l => For(l).F1);
        }
    }

    /// <summary>How many items of <paramref name="expected"/> were predicted as <paramref name="predicted"/>.</summary>
    public int Count(string expected, string predicted) => _counts.GetValueOrDefault((expected, predicted));

    /// <summary>The confusion matrix: a row per expected label, a column per predicted label.</summary>
    public string FormatConfusion(IReadOnlyList<string>? labels = null)
    {
        labels ??= Labels;
        var width = Math.Max(6, labels.Max(l => l.Length) + 1);
        var text = new StringBuilder();
        text.AppendLine("confusion matrix (rows: expected, columns: predicted):");
        text.Append(' ', width + 2);
        foreach (var label in labels)
        {
            text.Append(label.PadLeft(width));
        }

        text.AppendLine();
        foreach (var expected in labels)
        {
            text.Append("  ").Append(expected.PadRight(width));
            foreach (var predicted in labels)
            {
                text.Append(Count(expected, predicted).ToString(CultureInfo.InvariantCulture).PadLeft(width));
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    public string Format()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"items {Total}, accuracy {Accuracy:0.000}, macro-F1 {MacroF1:0.000}");
        foreach (var label in Labels)
        {
            var (p, r, f1, support) = For(label);
            text.AppendLine(CultureInfo.InvariantCulture, $"  {label,-10} precision {p:0.000}  recall {r:0.000}  F1 {f1:0.000}  support {support}");
        }

        return text.ToString();
    }
}
