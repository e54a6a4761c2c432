using System.Diagnostics;
using System.Globalization;
using Mcu.Monitor.Classification;
using Mcu.Monitor.Classification.Models;
using Mcu.Monitor.Evaluation;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace Mcu.Monitor.MachineLearning;

/// <summary>
/// Trains the four models on one shared featurisation: the vocabulary is built from every training text, each
/// text is featurised once, and for each model the candidate ML.NET trainers are compared by k-fold
/// cross-validation (scored with the same weight-extraction inference the product runs); the best is retrained
/// on all examples and saved as a zip. Deterministic for a seed: fixed reading order, seeded folds, MLContext(seed),
/// single-threaded trainers.
/// </summary>
public sealed class ModelTrainer(LexiconClassifier lexicon, TextWriter progress)
{
    private static readonly double[] Boosts = [0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0];

    public LexiconClassifier Lexicon => lexicon;

    public FeaturizerSettings Settings { get; init; } = new() { SentimentLexicon = true, ToneLexicon = true };

    public int Seed { get; init; } = 42;

    public int Folds { get; init; } = 5;

    /// <summary>Fewest portal texts for the sector model's cross-genre check (fewer: cross-validation alone chooses).</summary>
    public int CrossGenreMinimum { get; init; } = 100;

    /// <summary>Names of the candidate trainers to try (null: all). Tests use one to stay fast.</summary>
    public IReadOnlyCollection<string>? OnlyTrainers { get; init; }

    public sealed record Result(FeatureVocabulary Vocabulary, Dictionary<string, (ITransformer Transformer, DataViewSchema Schema, ModelCardEntry Entry, LinearModel Model)> Models);

    public Result Train(IReadOnlyList<LabelledText> texts, IReadOnlyList<string> sectors)
    {
        var featurizer = new TextFeaturizer(lexicon, Settings);
        var stopwatch = Stopwatch.StartNew();
        progress.WriteLine($"building the feature vocabulary from {texts.Count} texts…");
        var vocabulary = FeatureVocabulary.Build(texts.Select(t => t.Text), featurizer);
        featurizer.UseVocabulary(vocabulary);
        var vectors = texts.Select(t => featurizer.Featurize(t.Text)).ToArray();
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {vocabulary.Count} features, texts featurised in {stopwatch.Elapsed.TotalSeconds:0.0} s"));

        var models = new Dictionary<string, (ITransformer, DataViewSchema, ModelCardEntry, LinearModel)>(StringComparer.Ordinal);
        var sectorExamples = Enumerable.Range(0, texts.Count).Where(i => texts[i].Sector is not null).ToArray();
        var lexiconScores = texts.Select(t => t.Sector is null ? null : lexicon.SectorScoresOf(t.Text)).ToArray();
        // The sector model serves formal appeals (portals) besides social posts, written by people the team never read:
        // its trainer and lexicon boost are chosen on the mean of the cross-validated macro-F1 over all texts and the
        // macro-F1 on the corpus's portal texts of a model trained without them (a change of genre and author, the
        // nearest the corpus comes to the shift between the team's texts and real ones).
        // The sentiment sums tell how a text feels, not what it is about: the sector model does not learn from them (their
        // weights stay 0); trained with them it measured evaluation macro-F1 0.768 against 0.776 in session 5 (README).
        var sectorVectors = vectors.Select(featurizer.WithoutLexiconSums).ToArray();
        models[ModelFiles.Sector] = TrainMulticlass(ModelFiles.Sector, sectorExamples, i => texts[i].Sector!, [.. sectors], sectorVectors, vocabulary.Kinds, lexiconScores,
            i => texts[i].Network == "portal");
        // The worker reads VK, OK and Telegram, where an appeal is one post among chatter; on a feedback portal nearly every
        // text is one. The appeal model learns from both, but its threshold (and trainer) are set on the social-network
        // texts, where the decision is made.
        models[ModelFiles.Appeal] = TrainBinary(ModelFiles.Appeal, texts, t => t.Appeal, vectors, vocabulary.Kinds, thresholdOn: t => t.Network != "portal");
        // A complaint is negative almost by definition, and the corpus is full of them: trained on appeals, the tone model
        // learns the subjects of complaints («яма», «не вывозят») as negative tone and then calls a calm mention of them
        // negative anywhere. It learns tone from the texts not labelled as appeals; with the corpus's own tone texts held
        // out, that raised their negative-class F1 from 0.784 to 0.799 (README). (The 1,766 texts whose appeal label was
        // left out, data/corpus/README.md, were in that check, labelled 0 then; a training without them too measured 0.551
        // on the evaluation set, README, and the checked rule stays.)
        models[ModelFiles.Negative] = TrainBinary(ModelFiles.Negative, texts, t => t.Appeal == true ? null : t.Negative, vectors, vocabulary.Kinds);
        models[ModelFiles.Inappropriate] = TrainBinary(ModelFiles.Inappropriate, texts, t => t.Inappropriate, vectors, vocabulary.Kinds);
        return new Result(vocabulary, models);
    }

    // Either Create, an ML.NET trainer, or NbRegularisation, the L1 and L2 weights of an NB-weighted logistic
    // regression (for the sector one per class against the rest) that the trainer fits itself and saves with the
    // ratios folded into the weights (MlNetModels)
    private sealed record Candidate(string Name, Func<MLContext, IEstimator<ITransformer>>? Create, (float L1, float L2)? NbRegularisation = null);

    private static IEnumerable<Candidate> MulticlassCandidates() =>
    [
        new("SdcaMaximumEntropy", ml => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            ExampleWeightColumnName = "Weight", NumberOfThreads = 1, MaximumNumberOfIterations = 30,
        })),
        new("LbfgsMaximumEntropy(L1=0.05,L2=0.05)", ml => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            ExampleWeightColumnName = "Weight", NumberOfThreads = 1, L1Regularization = 0.05f, L2Regularization = 0.05f, OptimizationTolerance = 1e-4f, MaximumNumberOfIterations = 200,
        })),
        new("LbfgsMaximumEntropy(L1=0.5,L2=0.5)", ml => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            ExampleWeightColumnName = "Weight", NumberOfThreads = 1, L1Regularization = 0.5f, L2Regularization = 0.5f, OptimizationTolerance = 1e-4f, MaximumNumberOfIterations = 200,
        })),
        // NB-weighted values are the raw ones times a log-count ratio, often larger than 1: a stronger L2 is among them too
        new("NbOneVersusRest(L1=0.05,L2=0.05)", null, (0.05f, 0.05f)),
        new("NbOneVersusRest(L1=0.05,L2=0.5)", null, (0.05f, 0.5f)),
        new("NbOneVersusRest(L1=0.5,L2=0.5)", null, (0.5f, 0.5f)),
    ];

    private static IEnumerable<Candidate> BinaryCandidates() =>
    [
        new("SdcaLogisticRegression", ml => ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
        {
            ExampleWeightColumnName = "Weight", NumberOfThreads = 1, MaximumNumberOfIterations = 30,
        })),
        new("LbfgsLogisticRegression(L1=0.05,L2=0.05)", ml => LogisticRegression(ml, 0.05f, 0.05f)),
        new("LbfgsLogisticRegression(L1=0.5,L2=0.5)", ml => LogisticRegression(ml, 0.5f, 0.5f)),
        new("NbLogisticRegression(L1=0.05,L2=0.05)", null, (0.05f, 0.05f)),
        new("NbLogisticRegression(L1=0.05,L2=0.5)", null, (0.05f, 0.5f)),
    ];

    internal static LbfgsLogisticRegressionBinaryTrainer LogisticRegression(MLContext ml, float l1, float l2) =>
        ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            ExampleWeightColumnName = "Weight", NumberOfThreads = 1, L1Regularization = l1, L2Regularization = l2, OptimizationTolerance = 1e-4f, MaximumNumberOfIterations = 200,
        });

    private IEnumerable<Candidate> Filter(IEnumerable<Candidate> candidates) =>
        OnlyTrainers is null ? candidates : candidates.Where(c => OnlyTrainers.Contains(c.Name));

    private (ITransformer, DataViewSchema, ModelCardEntry, LinearModel) TrainMulticlass(
        string name, int[] examples, Func<int, string> label, List<string> classes, FeatureVector[] vectors, char[] kinds,
        IReadOnlyDictionary<string, int>?[] lexiconScores, Func<int, bool> inSubset)
    {
        var dimension = kinds.Length;
        if (examples.Length == 0)
        {
            throw new InvalidDataException($"no training texts with a {name} label");
        }

        var counts = classes.ToDictionary(c => c, _ => 0, StringComparer.Ordinal);
        foreach (var i in examples)
        {
            counts[label(i)]++;
        }

        // the key mapping orders the labels present ordinally; a configured sector without examples cannot be learned
        classes = [.. classes.Where(c => counts[c] > 0).Order(StringComparer.Ordinal)];
        foreach (var missing in counts.Where(c => c.Value == 0))
        {
            progress.WriteLine($"  {name}: no training texts for '{missing.Key}': it will never be predicted");
        }

        // balanced class weights over the rows a model is trained on (a fold, the texts without the portal texts, or
        // all): every sector weighs the same in total, as macro-F1 counts them
        IDataView View(MLContext ml, IEnumerable<int> rows)
        {
            var list = rows.ToList();
            var inRows = list.CountBy(label).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            return MlRows.MulticlassView(ml, list.Select(i => new MlRows.Multiclass
            {
                Features = MlRows.ToVBuffer(vectors[i], dimension),
                Label = label(i),
                Weight = (float)list.Count / (inRows.Count * inRows[label(i)]),
            }), dimension);
        }

        ITransformer Fit(Candidate candidate, MLContext ml, IEnumerable<int> rows)
        {
            if (candidate.NbRegularisation is not { } regularisation)
            {
                return MlRows.WithKeyLabel(ml, candidate.Create!(ml)).Fit(View(ml, rows));
            }

            var list = rows.ToList();
            var (weights, biases) = FitNbOneVersusRest(ml, list, label, classes, vectors, kinds, regularisation);
            return MlNetModels.Multiclass(ml, View(ml, list), weights, biases, classes);
        }

        var folds = FoldOf(examples.Length);
        var (crossGenre, shiftTrain) = CrossGenreSplit(examples, label, classes, inSubset);
        var results = new List<(Candidate Candidate, ModelCardCandidate Card, ClassificationReport Report, float[][] OutOfFold, float[][] OutOfGenre)>();
        foreach (var candidate in Filter(MulticlassCandidates()))
        {
            var stopwatch = Stopwatch.StartNew();
            var report = new ClassificationReport();
            var outOfFold = new float[examples.Length][];
            for (var fold = 0; fold < Folds; fold++)
            {
                progress.WriteLine($"  {name}: {candidate.Name}, fold {fold + 1}/{Folds}…");
                var ml = new MLContext(Seed);
                var train = examples.Where((_, k) => folds[k] != fold);
                var model = ModelFiles.ToLinearModel(name, Fit(candidate, ml, train), classes);
                for (var k = 0; k < examples.Length; k++)
                {
                    if (folds[k] != fold)
                    {
                        continue;
                    }

                    outOfFold[k] = new float[classes.Count];
                    model.Probabilities(vectors[examples[k]], outOfFold[k]);
                    report.Add(label(examples[k]), classes[ArgMax(outOfFold[k])]);
                }
            }

            var outOfGenre = new float[examples.Length][];
            ClassificationReport? genre = null;
            if (crossGenre)
            {
                progress.WriteLine($"  {name}: {candidate.Name}, trained without the portal texts…");
                var ml = new MLContext(Seed);
                var model = ModelFiles.ToLinearModel(name, Fit(candidate, ml, shiftTrain), classes);
                for (var k = 0; k < examples.Length; k++)
                {
                    if (inSubset(examples[k]))
                    {
                        outOfGenre[k] = new float[classes.Count];
                        model.Probabilities(vectors[examples[k]], outOfGenre[k]);
                    }
                }

                genre = Report(examples, label, classes, outOfGenre, 0, lexiconScores, inSubset, onlySubset: true);
            }

            var score = SelectionScore(report, genre);
            var card = new ModelCardCandidate(candidate.Name, Math.Round(score, 4), report.Accuracy, report.MacroF1, 0, 0, Math.Round(stopwatch.Elapsed.TotalSeconds, 1));
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name}: {candidate.Name}: cross-validated accuracy {report.Accuracy:0.000}, macro-F1 {report.MacroF1:0.000}; on portal texts when trained without them {(genre is null ? "–" : genre.MacroF1.ToString("0.000", CultureInfo.InvariantCulture))} ({card.Seconds:0.0} s)"));
            results.Add((candidate, card, report, outOfFold, outOfGenre));
        }

        var best = results.OrderByDescending(r => r.Card.Score).First();

        // The officer reads the probability («модель 0.93») and a comment with an unsure model takes its parent's
        // sector, so it should mean what it says: one temperature T (p ∝ p^T), fitted on the best trainer's
        // out-of-fold probabilities by least log-loss, scales the final weights and biases. It never changes the most
        // probable class; the softmax of one-versus-rest log-odds needs it most (it is much sharper than a fitted one).
        // (Fitted on the fold models, applied to the one trained on all texts, which is a little surer still: T may
        // soften it slightly too little.)
        var temperature = FitTemperature(best.OutOfFold, examples, label, classes);
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name}: temperature {temperature:0.00} (least log-loss of the out-of-fold probabilities{(temperature is TemperatureMin or TemperatureMax ? "; at the edge of the range searched" : "")})"));
        foreach (var probabilities in best.OutOfFold.Concat(best.OutOfGenre).Where(p => p is not null))
        {
            Temper(probabilities, temperature);
        }

        // how much to add the lexicon's sector scores, on the best trainer's out-of-fold probabilities
        var (boost, boosted, boostedGenre, _) = Boosts.Select(b =>
        {
            var all = Report(examples, label, classes, best.OutOfFold, b, lexiconScores, inSubset, onlySubset: false);
            var genre = crossGenre ? Report(examples, label, classes, best.OutOfGenre, b, lexiconScores, inSubset, onlySubset: true) : null;
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name}: lexicon boost {b}: cross-validated macro-F1 {all.MacroF1:0.000}; on portal texts when trained without them {(genre is null ? "–" : genre.MacroF1.ToString("0.000", CultureInfo.InvariantCulture))}"));
            return (b, all, genre, Math.Round(SelectionScore(all, genre), 3));
        }).OrderByDescending(r => r.Item4).ThenBy(r => r.b).First();

        progress.WriteLine($"  {name}: training {best.Candidate.Name} on all {examples.Length} examples…");
        var finalMl = new MLContext(Seed);
        var finalView = View(finalMl, examples);
        var fitted = ModelFiles.ToLinearModel(name, Fit(best.Candidate, finalMl, examples), classes);
        var final = MlNetModels.Multiclass(finalMl, finalView,
            [.. Enumerable.Range(0, classes.Count).Select(c => Enumerable.Range(0, dimension).Select(f => (float)(fitted.Weight(f, c) * temperature)).ToArray())],
            [.. fitted.Biases.Select(b => (float)(b * temperature))], classes);
        var finalModel = ModelFiles.ToLinearModel(name, final, classes);
        var entry = new ModelCardEntry
        {
            File = ModelFiles.ZipName(name),
            Sha256 = "",
            Trainer = best.Candidate.Name,
            Classes = classes,
            Temperature = temperature,
            LexiconBoost = boost,
            Examples = examples.Length,
            ClassCounts = counts,
            NonZeroWeights = finalModel.NonZeroWeights,
            Candidates = [.. results.Select(r => r.Card)],
            CrossValidation = Metrics(boosted),
            CrossGenre = boostedGenre is null ? null : Metrics(boostedGenre),
        };
        return (final, finalView.Schema, entry, finalModel);
    }

    private (ITransformer, DataViewSchema, ModelCardEntry, LinearModel) TrainBinary(
        string name, IReadOnlyList<LabelledText> texts, Func<LabelledText, bool?> label, FeatureVector[] vectors, char[] kinds,
        Func<LabelledText, bool>? thresholdOn = null)
    {
        var dimension = kinds.Length;
        var examples = Enumerable.Range(0, texts.Count).Where(i => label(texts[i]) is not null).ToArray();
        var positives = examples.Count(i => label(texts[i]) == true);
        if (positives == 0 || positives == examples.Length)
        {
            throw new InvalidDataException($"the {name} model needs texts labelled both 1 and 0 (found {positives} of {examples.Length} labelled 1)");
        }

        IDataView View(MLContext ml, IEnumerable<int> rows) => MlRows.BinaryView(ml, rows.Select(i => new MlRows.Binary
        {
            Features = MlRows.ToVBuffer(vectors[i], dimension),
            Label = label(texts[i]) == true,
        }), dimension);

        ITransformer Fit(Candidate candidate, MLContext ml, IEnumerable<int> rows)
        {
            if (candidate.NbRegularisation is not { } regularisation)
            {
                return candidate.Create!(ml).Fit(View(ml, rows));
            }

            var list = rows.ToList();
            var (weights, bias, slope, offset) = FitNbLogisticRegression(ml, [.. list.Select(i => (vectors[i], label(texts[i]) == true, 1f))], kinds, regularisation);
            return MlNetModels.Binary(ml, View(ml, list), weights, bias, slope, offset);
        }

        var folds = FoldOf(examples.Length);
        var results = new List<(Candidate Candidate, ModelCardCandidate Card, ClassificationReport Report)>();
        foreach (var candidate in Filter(BinaryCandidates()))
        {
            var stopwatch = Stopwatch.StartNew();
            var outOfFold = new float[examples.Length];
            for (var fold = 0; fold < Folds; fold++)
            {
                progress.WriteLine($"  {name}: {candidate.Name}, fold {fold + 1}/{Folds}…");
                var ml = new MLContext(Seed);
                var model = ModelFiles.ToLinearModel(name, Fit(candidate, ml, examples.Where((_, k) => folds[k] != fold)), ["0", "1"]);
                for (var k = 0; k < examples.Length; k++)
                {
                    if (folds[k] == fold)
                    {
                        outOfFold[k] = model.Probability(vectors[examples[k]]);
                    }
                }
            }

            // the threshold that maximises the positive class's F1 on the out-of-fold probabilities (of the texts it is
            // set on, which also score the candidate)
            var setOn = thresholdOn is null ? null : examples.Select(i => thresholdOn(texts[i])).ToArray();
            var (threshold, scored) = Enumerable.Range(5, 91).Select(t => t / 100.0)
                .Select(t => (t, BinaryReport(examples, k => label(texts[examples[k]]) == true, outOfFold, t, setOn)))
                .OrderByDescending(p => p.Item2.For("1").F1).ThenBy(p => Math.Abs(p.t - 0.5)).First();
            var report = setOn is null ? scored : BinaryReport(examples, k => label(texts[examples[k]]) == true, outOfFold, threshold, null);
            if (setOn is not null)
            {
                progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {name}: threshold set on {scored.Total} texts: F1(1) there {scored.For("1").F1:0.000}"));
            }

            var positiveF1 = report.For("1").F1;
            var card = new ModelCardCandidate(candidate.Name, scored.For("1").F1, report.Accuracy, report.MacroF1, positiveF1, threshold, Math.Round(stopwatch.Elapsed.TotalSeconds, 1));
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name}: {candidate.Name}: cross-validated F1(1) {positiveF1:0.000} at threshold {threshold:0.00}, accuracy {report.Accuracy:0.000}, macro-F1 {report.MacroF1:0.000} ({card.Seconds:0.0} s)"));
            results.Add((candidate, card, report));
        }

        var best = results.OrderByDescending(r => r.Card.Score).First();
        progress.WriteLine($"  {name}: training {best.Candidate.Name} on all {examples.Length} examples…");
        var finalMl = new MLContext(Seed);
        var finalView = View(finalMl, examples);
        var final = Fit(best.Candidate, finalMl, examples);
        var finalModel = ModelFiles.ToLinearModel(name, final, ["0", "1"]);
        var entry = new ModelCardEntry
        {
            File = ModelFiles.ZipName(name),
            Sha256 = "",
            Trainer = best.Candidate.Name,
            Classes = ["0", "1"],
            Threshold = best.Card.Threshold,
            Examples = examples.Length,
            ClassCounts = new Dictionary<string, int>(StringComparer.Ordinal) { ["0"] = examples.Length - positives, ["1"] = positives },
            NonZeroWeights = finalModel.NonZeroWeights,
            Candidates = [.. results.Select(r => r.Card)],
            CrossValidation = Metrics(best.Report),
        };
        return (final, finalView.Schema, entry, finalModel);
    }

    /// <summary>
    /// One NB-weighted logistic regression per class against the rest, balanced (the class weighs as much as the rest),
    /// on the given rows only (their ratios too). Each regression's calibrated log-odds −(slope·(w·x + b)) − offset,
    /// folded with its ratios into one weight row, is that class's score in a softmax model: its most probable class is
    /// the regression most sure of its class.
    /// </summary>
    internal static (float[][] Weights, float[] Biases) FitNbOneVersusRest(
        MLContext ml, IReadOnlyList<int> rows, Func<int, string> label, IReadOnlyList<string> classes, FeatureVector[] vectors, char[] kinds, (float L1, float L2) regularisation)
    {
        var weights = new float[classes.Count][];
        var biases = new float[classes.Count];
        for (var c = 0; c < classes.Count; c++)
        {
            var inClass = rows.Select(i => label(i) == classes[c]).ToArray();
            var positives = inClass.Count(b => b);
            var (w, b, slope, offset) = FitNbLogisticRegression(ml,
                [.. rows.Select((i, k) => (vectors[i], inClass[k], inClass[k] ? rows.Count / (2f * positives) : rows.Count / (2f * (rows.Count - positives))))],
                kinds, regularisation);
            weights[c] = [.. w.Select(x => (float)(-slope * x))];
            biases[c] = (float)((-slope * b) - offset);
        }

        return (weights, biases);
    }

    /// <summary>
    /// A logistic regression on the rows' vectors scaled by the NB ratios of these rows (<see cref="NaiveBayesWeights"/>);
    /// returns its weights with the ratios folded in (so they apply to the unscaled vector), its bias and its Platt
    /// calibration.
    /// </summary>
    internal static (float[] Weights, float Bias, double Slope, double Offset) FitNbLogisticRegression(
        MLContext ml, IReadOnlyList<(FeatureVector Vector, bool Label, float Weight)> rows, char[] kinds, (float L1, float L2) regularisation)
    {
        var ratios = NaiveBayesWeights.Ratios(rows.Select(r => (r.Vector, r.Label)), kinds);
        var scaled = rows.Select(r => new MlRows.Binary
        {
            Features = MlRows.ToVBuffer(NaiveBayesWeights.Scale(r.Vector, ratios), kinds.Length),
            Label = r.Label,
            Weight = r.Weight,
        }).ToArray();
        var model = LogisticRegression(ml, regularisation.L1, regularisation.L2).Fit(MlRows.BinaryView(ml, scaled, kinds.Length)).Model;
        var weights = model.SubModel.Weights.ToArray();
        for (var j = 0; j < weights.Length; j++)
        {
            weights[j] *= ratios[j];
        }

        return (weights, model.SubModel.Bias, model.Calibrator.Slope, model.Calibrator.Offset);
    }

    private const double TemperatureMin = 0.05;
    private const double TemperatureMax = 3;

    /// <summary>The temperature T in 0.05–3 (steps of 0.05) whose probabilities p^T (renormalised) give the true classes the least log-loss.</summary>
    internal static double FitTemperature(float[][] probabilities, int[] examples, Func<int, string> label, IReadOnlyList<string> classes)
    {
        var classIndex = classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var truth = examples.Select(i => classIndex[label(i)]).ToArray();
        var logs = probabilities.Select(p => p.Select(x => Math.Log(Math.Max(x, 1e-30))).ToArray()).ToArray();
        double LogLoss(double t)
        {
            var sum = 0.0;
            for (var k = 0; k < logs.Length; k++)
            {
                var max = logs[k].Max() * t;
                var norm = max + Math.Log(logs[k].Sum(l => Math.Exp((l * t) - max)));
                sum += norm - (logs[k][truth[k]] * t);
            }

            return sum;
        }

        return Enumerable.Range(1, (int)Math.Round(TemperatureMax / TemperatureMin)).Select(i => Math.Round(i * TemperatureMin, 2))
            .OrderBy(LogLoss).ThenBy(t => Math.Abs(t - 1)).First();
    }

    /// <summary>p ∝ p^T, in place.</summary>
    private static void Temper(float[] probabilities, double temperature)
    {
        var sum = 0.0;
        for (var c = 0; c < probabilities.Length; c++)
        {
            sum += probabilities[c] = (float)Math.Pow(Math.Max(probabilities[c], 1e-30), temperature);
        }

        for (var c = 0; c < probabilities.Length; c++)
        {
            probabilities[c] = (float)(probabilities[c] / sum);
        }
    }

    private static ClassificationReport Report(
        int[] examples, Func<int, string> label, List<string> classes, float[][] outOfFold, double boost,
        IReadOnlyDictionary<string, int>?[] lexiconScores, Func<int, bool> inSubset, bool onlySubset)
    {
        var report = new ClassificationReport();
        var p = new float[classes.Count];
        for (var k = 0; k < examples.Length; k++)
        {
            if (onlySubset && !inSubset(examples[k]))
            {
                continue;
            }

            outOfFold[k].CopyTo(p, 0);
            SectorEnsemble.Combine(p, classes, lexiconScores[examples[k]]!, boost);
            report.Add(label(examples[k]), classes[ArgMax(p)]);
        }

        return report;
    }

    /// <summary>Mean of the cross-validated macro-F1 and the cross-genre one (the cross-validated alone without it).</summary>
    private static double SelectionScore(ClassificationReport all, ClassificationReport? crossGenre) =>
        crossGenre is null ? all.MacroF1 : (all.MacroF1 + crossGenre.MacroF1) / 2;

    /// <summary>
    /// Whether the cross-genre check can run — at least <see cref="CrossGenreMinimum"/> examples in the subset and every
    /// class among the others — and the examples it trains on.
    /// </summary>
    private (bool Possible, int[] Train) CrossGenreSplit(int[] examples, Func<int, string> label, List<string> classes, Func<int, bool> inSubset)
    {
        var train = examples.Where(i => !inSubset(i)).ToArray();
        var possible = examples.Length - train.Length >= CrossGenreMinimum && classes.All(c => train.Any(i => label(i) == c));
        return (possible, train);
    }

    private static ClassificationReport BinaryReport(int[] examples, Func<int, bool> isPositive, float[] probabilities, double threshold, bool[]? only)
    {
        var report = new ClassificationReport();
        for (var k = 0; k < examples.Length; k++)
        {
            if (only is not null && !only[k])
            {
                continue;
            }

            report.Add(isPositive(k) ? "1" : "0", probabilities[k] >= threshold ? "1" : "0");
        }

        return report;
    }

    public static ModelCardMetrics Metrics(ClassificationReport report) => new()
    {
        N = report.Total,
        Accuracy = Math.Round(report.Accuracy, 4),
        MacroF1 = Math.Round(report.MacroF1, 4),
        PerClass = report.Labels.ToDictionary(l => l, l =>
        {
            var (p, r, f1, support) = report.For(l);
            return new ModelCardClassMetrics(Math.Round(p, 4), Math.Round(r, 4), Math.Round(f1, 4), support);
        }, StringComparer.Ordinal),
    };

    /// <summary>Fold of each example: a seeded shuffle dealt round-robin, so folds are the same for a seed.</summary>
    private int[] FoldOf(int count)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(Seed).Shuffle(order);
        var folds = new int[count];
        for (var k = 0; k < count; k++)
        {
            folds[order[k]] = k % Folds;
        }

        return folds;
    }

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }
}
