using System.Globalization;
using System.Text;

namespace Mcu.Monitor.MachineLearning;

/// <summary>Renders <c>model-card.json</c> as the human model card, <c>models/README.md</c> (rewritten by train and evaluate --record).</summary>
public static class ModelCardReadme
{
    public static void Write(string directory, ModelCard card)
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

        Line($"# Model card: {card.Version}");
        Line($"");
        Line($"The ML.NET models of the classifier (README, «The classifier»). Written by `model train` and `model evaluate --record`");
        Line($"from `model-card.json`, the machine-readable card; do not edit by hand. The worker loads these files once at start-up");
        Line($"(`Classification:Models:Directory`); a missing or altered file stops it naming the file, unless `FallbackToLexicon` is set.");
        Line($"");
        Line($"| file | what it is |");
        Line($"|---|---|");
        Line($"| `sector.zip`, `appeal.zip`, `negative.zip`, `inappropriate.zip` | one ML.NET model each (`MLContext.Model.Load` reads them); their input is the shared feature vector |");
        Line($"| `features.tsv` | the feature vocabulary: line i is feature i (kind `w` stem, `b` stem bigram, `c` character n-gram, `e` emoji, `x` lexicon or text signal) |");
        Line($"| `model-card.json` | data, date, parameters, trainers, cross-validation and evaluation metrics, SHA-256 of every file |");
        Line($"");
        Line($"- trained {card.CreatedAt:yyyy-MM-dd HH:mm} UTC by `model train` (seed {card.Seed}, {card.Folds}-fold cross-validation, ML.NET 5.0.1, single-threaded trainers: the same data and seed give the same weights)");
        Line($"- data: {card.Data.Texts} labelled texts, SHA-256 `{card.Data.Sha256}`; officers' corrections: {card.Data.FeedbackRows} rows");
        foreach (var file in card.Data.Files)
        {
            Line($"  - `{file.Path}`: {file.Rows} texts, SHA-256 `{file.Sha256}`");
        }

        Line($"- features: {card.Features} (`features.tsv`, SHA-256 `{card.FeaturesSha256}`): stems, stem bigrams {(card.Featurizer.WordBigrams ? "on" : "off")}, character {card.Featurizer.CharGramMin}–{card.Featurizer.CharGramMax}-grams in words, emoji, lexicon signals of `{card.LexiconVersion}`{(card.Featurizer.SentimentLexicon ? $", sums of the general sentiment lexicon `{card.SentimentLexiconVersion}`" : "")}{(card.Featurizer.ToneLexicon ? $", sums of the team's tone lexicon `{card.ToneLexiconVersion}`" : "")}{(card.Featurizer.SentimentLexicon || card.Featurizer.ToneLexicon ? " (sums not learnt by the sector model)" : "")}; n-grams in at least {card.Featurizer.MinDocumentFrequency} texts");
        Line($"");
        Line($"## Models (cross-validated on the training data)");
        Line($"");
        Line($"| model | file | trainer chosen | examples | threshold | CV accuracy | CV macro-F1 | CV F1 of class 1 |");
        Line($"|---|---|---|---|---|---|---|---|");
        foreach (var (name, entry) in card.Models)
        {
            var positive = entry.CrossValidation.PerClass.TryGetValue("1", out var p) ? p.F1.ToString("0.000", CultureInfo.InvariantCulture) : "–";
            Line($"| {name} | `{entry.File}` | {entry.Trainer} | {entry.Examples} | {(entry.Classes.Count == 2 ? entry.Threshold.ToString("0.00", CultureInfo.InvariantCulture) : "argmax, temperature " + entry.Temperature.ToString("0.##", CultureInfo.InvariantCulture) + ", lexicon boost " + entry.LexiconBoost.ToString("0.##", CultureInfo.InvariantCulture))} | {entry.CrossValidation.Accuracy:0.000} | {entry.CrossValidation.MacroF1:0.000} | {positive} |");
        }

        foreach (var (name, entry) in card.Models.Where(m => m.Value.CrossGenre is not null))
        {
            var genre = entry.CrossGenre!;
            Line($"");
            Line($"Across genres ({name}): trained without the corpus's {genre.N} portal texts and scored on them, accuracy {genre.Accuracy:0.000}, macro-F1 {genre.MacroF1:0.000} ({PerClassF1(genre)}).");
        }

        Line($"");
        Line($"Candidates compared (score: for sector the mean of the cross-validated macro-F1 and the macro-F1 across genres; for the binary models the F1 of class 1 at its best threshold, for appeal on the social-network texts it is set on):");
        Line($"");
        foreach (var (name, entry) in card.Models)
        {
            Line($"- {name}: {string.Join("; ", entry.Candidates.Select(c => FormattableString.Invariant($"{c.Trainer} {c.Score:0.000} ({c.Seconds:0.0} s)")))}");
        }

        Line($"");
        Line($"## Measured on evaluation data (never trained on)");
        Line($"");
        if (card.Evaluations.Count == 0)
        {
            Line($"None recorded yet: `model evaluate --model M --data FILE.csv --record`.");
        }
        else
        {
            Line($"| model | data | n | accuracy | macro-F1 | F1 per class | command |");
            Line($"|---|---|---|---|---|---|---|");
            foreach (var evaluation in card.Evaluations.Values.OrderBy(e => e.Model, StringComparer.Ordinal))
            {
                Line($"| {evaluation.Model} | `{evaluation.Data}` | {evaluation.Metrics.N} | {evaluation.Metrics.Accuracy:0.000} | {evaluation.Metrics.MacroF1:0.000} | {PerClassF1(evaluation.Metrics)} | `{evaluation.Command}` |");
            }
        }

        File.WriteAllText(Path.Combine(directory, "README.md"), text.ToString());
    }

    private static string PerClassF1(ModelCardMetrics metrics) =>
        string.Join(", ", metrics.PerClass.Select(p => FormattableString.Invariant($"{p.Key} {p.Value.F1:0.000}")));
}
