using Mcu.Monitor.Classification.Models;
using Mcu.Monitor.Domain;
using Mcu.Monitor.MachineLearning;
using Mcu.Monitor.Text;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Mcu.Monitor.Tests.MachineLearning;

public class ModelTrainerTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Train_SameSeedTwice_GivesIdenticalWeightsAndPredictions(bool naiveBayes)
    {
        // portal copies turn the cross-genre check on, so it is covered too
        List<LabelledText> texts = [.. TinyCorpus.Texts, .. TinyCorpus.Texts.Select(t => t with { Text = "Обращение: " + t.Text, Network = "portal" })];
        var trainers = naiveBayes ? TinyCorpus.NaiveBayesTrainers : null;
        var first = TinyCorpus.Trainer(seed: 7, crossGenreMinimum: TinyCorpus.Texts.Count, trainers).Train(texts, TinyCorpus.Sectors);
        var second = TinyCorpus.Trainer(seed: 7, crossGenreMinimum: TinyCorpus.Texts.Count, trainers).Train(texts, TinyCorpus.Sectors);

        Assert.Equal(first.Vocabulary.Texts, second.Vocabulary.Texts);
        foreach (var name in ModelFiles.Names)
        {
            var a = first.Models[name].Model;
            var b = second.Models[name].Model;
            Assert.Equal(a.Biases, b.Biases);
            for (var f = 0; f < a.Dimension; f++)
            {
                for (var c = 0; c < (a.IsBinary ? 1 : a.Classes.Count); c++)
                {
                    Assert.Equal(a.Weight(f, c), b.Weight(f, c));
                }
            }

            Assert.Equal(
                System.Text.Json.JsonSerializer.Serialize(first.Models[name].Entry.CrossValidation),
                System.Text.Json.JsonSerializer.Serialize(second.Models[name].Entry.CrossValidation));
            Assert.Equal(
                System.Text.Json.JsonSerializer.Serialize(first.Models[name].Entry.CrossGenre),
                System.Text.Json.JsonSerializer.Serialize(second.Models[name].Entry.CrossGenre));
        }

        Assert.NotNull(first.Models[ModelFiles.Sector].Entry.CrossGenre);

        Assert.True(first.Models[ModelFiles.Sector].Model.NonZeroWeights > 0, "the sector model learned nothing");
    }

    [Fact]
    public void Train_WithPortalAppeals_ScoresTheSectorModelOnThemTrainedWithoutThem()
    {
        // the "portal" copies carry the sector of the next text in the list: a model that saw them could get some
        // right, one trained only on the others gets none
        var social = TinyCorpus.Texts;
        var portal = social.Select((t, i) => t with { Sector = social[(i + 6) % social.Count].Sector, Network = "portal" }).ToList();
        var trainer = TinyCorpus.Trainer(42, crossGenreMinimum: portal.Count);

        var entry = trainer.Train([.. social, .. portal], TinyCorpus.Sectors).Models[ModelFiles.Sector].Entry;

        Assert.NotNull(entry.CrossGenre);
        Assert.Equal(portal.Count, entry.CrossGenre.N);
        Assert.InRange(entry.CrossGenre.Accuracy, 0, 0.2);
        Assert.Equal(social.Count + portal.Count, entry.CrossValidation.N);
    }

    [Fact]
    public void Train_ToneModel_LearnsFromTheTextsNotLabelledAsAppeals()
    {
        var unlabelled = new LabelledText("опять яма на дороге, колесо пробил, сколько можно") { Sector = "roads", Negative = true };

        var entries = TinyCorpus.Trainer(42).Train([.. TinyCorpus.Texts, unlabelled], TinyCorpus.Sectors).Models;

        var expected = TinyCorpus.Texts.Count(t => t.Appeal == false && t.Negative is not null) + 1;
        Assert.InRange(expected, 2, TinyCorpus.Texts.Count - 1);
        Assert.Equal(expected, entries[ModelFiles.Negative].Entry.Examples);
        Assert.Equal(TinyCorpus.Texts.Count, entries[ModelFiles.Appeal].Entry.Examples);
        Assert.Equal(TinyCorpus.Texts.Count + 1, entries[ModelFiles.Sector].Entry.Examples);
    }

    [Fact]
    public void Train_LexiconSums_LearntByTheToneModelsNotBySector()
    {
        var (result, card) = TinyCorpus.Train(Directory.CreateTempSubdirectory("mcu-models-").FullName, seed: 42);
        var featurizer = new TextFeaturizer(TinyCorpus.Lexicon(), card.Featurizer);
        List<int> Family(string prefix) =>
            [.. Enumerable.Range(0, featurizer.SpecialNames.Count).Where(i => featurizer.SpecialNames[i].StartsWith(prefix, StringComparison.Ordinal))];
        var sector = result.Models[ModelFiles.Sector].Model;
        var negative = result.Models[ModelFiles.Negative].Model;

        Assert.True(card.Featurizer.SentimentLexicon);
        Assert.True(card.Featurizer.ToneLexicon);
        Assert.Equal(ToneLexicon.Version, card.ToneLexiconVersion);
        foreach (var family in new[] { Family("senti:"), Family("tone:") })
        {
            Assert.Equal(4, family.Count);
            Assert.All(family, f => Assert.All(Enumerable.Range(0, sector.Classes.Count), c => Assert.Equal(0f, sector.Weight(f, c))));
            Assert.Contains(family, f => negative.Weight(f, 0) != 0);
        }
    }

    [Fact]
    public void Featurize_SentimentLexiconOn_AddsTheSumsAndWithoutLexiconSumsDropsThem()
    {
        var lexicon = TinyCorpus.Lexicon();
        var on = new TextFeaturizer(lexicon, new FeaturizerSettings { MinDocumentFrequency = 1, SentimentLexicon = true });
        var off = new TextFeaturizer(lexicon, new FeaturizerSettings { MinDocumentFrequency = 1 });
        on.UseVocabulary(FeatureVocabulary.Build(TinyCorpus.Texts.Select(t => t.Text), on));
        var negativeSum = on.SpecialNames.ToList().IndexOf("senti:negative");
        var negativeOnly = on.SpecialNames.ToList().IndexOf("senti:negative_only");

        var vector = on.Featurize("ужасная дорога, отвратительный ремонт");
        var dropped = on.WithoutLexiconSums(vector);

        // cards written before the lexicon featurise as they were trained
        Assert.DoesNotContain(off.SpecialNames, n => n.StartsWith("senti:", StringComparison.Ordinal));
        Assert.Equal(on.SpecialNames.Count - 4, off.SpecialNames.Count);
        Assert.Equal(2f, vector.Values[Array.IndexOf(vector.Indices, negativeSum)]);
        Assert.Contains(negativeOnly, vector.Indices);
        Assert.Equal(vector.Count - 2, dropped.Count);
        Assert.DoesNotContain(dropped.Indices, i => i >= negativeSum && i < on.SpecialNames.Count);
    }

    [Fact]
    public void Featurize_ToneLexiconOn_AddsItsSumsAfterTheSentimentSumsAndWithoutLexiconSumsDropsBoth()
    {
        var lexicon = TinyCorpus.Lexicon();
        var both = new TextFeaturizer(lexicon, new FeaturizerSettings { MinDocumentFrequency = 1, SentimentLexicon = true, ToneLexicon = true });
        var toneOnly = new TextFeaturizer(lexicon, new FeaturizerSettings { MinDocumentFrequency = 1, ToneLexicon = true });
        both.UseVocabulary(FeatureVocabulary.Build(TinyCorpus.Texts.Select(t => t.Text), both));
        toneOnly.UseVocabulary(FeatureVocabulary.Build(TinyCorpus.Texts.Select(t => t.Text), toneOnly));
        var names = both.SpecialNames.ToList();
        const string Text = "бесит этот ремонт 😡 но спасибо соседям";

        var vector = both.Featurize(Text);
        var toneNegative = names.IndexOf("tone:negative");
        var tonePositive = names.IndexOf("tone:positive");
        // a word at the scale's end (±3) counts 1
        var tally = ToneLexicon.Tally(Tokenizer.Tokenize(TextNormalizer.ForModel(Text)), Text);
        var (expectedNegative, expectedPositive) = (tally.Negative / 3, tally.Positive / 3);

        Assert.Equal(["tone:negative", "tone:positive", "tone:negative_only", "tone:positive_only"], names[^4..]);
        Assert.Equal(names.IndexOf("senti:positive_only") + 1, toneNegative);
        Assert.True(tally.NegativeWords == 2 && tally.PositiveWords > 0);
        Assert.Equal(expectedNegative, vector.Values[Array.IndexOf(vector.Indices, toneNegative)], 5);
        Assert.Equal(expectedPositive, vector.Values[Array.IndexOf(vector.Indices, tonePositive)], 5);
        Assert.DoesNotContain(names.IndexOf("tone:negative_only"), vector.Indices);
        Assert.DoesNotContain(both.WithoutLexiconSums(vector).Indices, i => i >= names.IndexOf("senti:negative") && i < names.Count);
        Assert.DoesNotContain(toneOnly.WithoutLexiconSums(toneOnly.Featurize(Text)).Indices,
            i => i >= toneOnly.SpecialNames.Count - 4 && i < toneOnly.SpecialNames.Count);
        Assert.Contains(toneOnly.SpecialNames.Count - 4, toneOnly.Featurize(Text).Indices);
    }

    [Fact]
    public void Train_TooFewPortalAppeals_LeavesTheCrossGenreCheckOut()
    {
        var texts = TinyCorpus.Texts.Select((t, i) => i < 5 ? t with { Network = "portal" } : t).ToList();

        var entry = TinyCorpus.Trainer(42).Train(texts, TinyCorpus.Sectors).Models[ModelFiles.Sector].Entry;

        Assert.Null(entry.CrossGenre);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Train_TinyCorpus_LearnsItsOwnExamples(bool naiveBayes)
    {
        var directory = naiveBayes ? TinyCorpus.NaiveBayesModelDirectory : TinyCorpus.ModelDirectory;
        var classifier = new ModelClassifier(TinyCorpus.Lexicon(), ModelFiles.Load(directory, TinyCorpus.Lexicon()));
        var right = TinyCorpus.Texts.Count(t => classifier.Classify(t.Text, Engagement.None, null, explain: false).ModelSector == t.Sector);

        // trained on these very texts: a working pipeline fits nearly all of them (a broken label mapping scores ~1/7)
        Assert.True(right >= TinyCorpus.Texts.Count * 0.9, $"{right} of {TinyCorpus.Texts.Count} training texts classified right");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Load_SavedModels_PredictExactlyAsMlNetDoesOnTheZip(bool naiveBayes)
    {
        // the NB-weighted zips are built from folded weights (MlNetModels): ML.NET must score them on the raw vector too
        var directory = naiveBayes ? TinyCorpus.NaiveBayesModelDirectory : TinyCorpus.ModelDirectory;
        Assert.Equal(naiveBayes, ModelFiles.ReadCard(directory).Models[ModelFiles.Sector].Trainer.StartsWith("Nb", StringComparison.Ordinal));
        var lexicon = TinyCorpus.Lexicon();
        var models = ModelFiles.Load(directory, lexicon);
        var featurizer = new TextFeaturizer(lexicon, models.Settings);
        featurizer.UseVocabulary(models.Vocabulary);
        var texts = new[] { "мусор не вывозят", "автобус опять не пришел, безобразие", "в школе холодно", "спасибо за концерт" };
        var vectors = texts.Select(featurizer.Featurize).ToArray();
        var ml = new MLContext(seed: 1);
        var dimension = models.Vocabulary.Count;

        // sector: ML.NET's own scores (class probabilities) from the reloaded zip
        var sectorZip = ml.Model.Load(Path.Combine(directory, "sector.zip"), out _);
        var sectorView = MlRows.MulticlassView(ml, vectors.Select(v => new MlRows.Multiclass { Features = MlRows.ToVBuffer(v, dimension), Label = "zhkh" }), dimension);
        var sectorScores = sectorZip.Transform(sectorView).GetColumn<VBuffer<float>>("Score").Select(s => s.DenseValues().ToArray()).ToArray();
        for (var i = 0; i < texts.Length; i++)
        {
            var ours = new float[models.Sector.Classes.Count];
            models.Sector.Probabilities(vectors[i], ours);
            Assert.Equal(sectorScores[i].Length, ours.Length);
            for (var c = 0; c < ours.Length; c++)
            {
                Assert.Equal(sectorScores[i][c], ours[c], 4);
            }
        }

        // binary: ML.NET's calibrated probability
        foreach (var (name, model) in new[] { ("appeal", models.Appeal), ("negative", models.Negative), ("inappropriate", models.Inappropriate) })
        {
            var zip = ml.Model.Load(Path.Combine(directory, name + ".zip"), out _);
            var view = MlRows.BinaryView(ml, vectors.Select(v => new MlRows.Binary { Features = MlRows.ToVBuffer(v, dimension) }), dimension);
            var probabilities = zip.Transform(view).GetColumn<float>("Probability").ToArray();
            for (var i = 0; i < texts.Length; i++)
            {
                Assert.Equal(probabilities[i], model.Probability(vectors[i]), 4);
            }
        }
    }

    [Fact]
    public void Train_NaiveBayesTone_FoldedWeightsScoreTheRawVectorAsTheRegressionScoresTheScaledOne()
    {
        // more tone texts than the tiny corpus has, so the regression keeps weights on words (not only on named signals)
        string[] negative = ["ужас какой, опять всё сломали", "надоело, ужас просто", "опять сломали, сколько можно", "ужас, никто ничего не делает", "всё сломали и бросили, позор"];
        string[] neutral = ["завтра концерт в парке", "концерт начнётся в семь", "в парке открыли каток", "приглашаем всех на концерт", "каток в парке работает до десяти"];
        List<LabelledText> texts = [.. TinyCorpus.Texts,
            .. negative.Select(t => new LabelledText(t) { Sector = "other", Appeal = false, Negative = true, Inappropriate = false }),
            .. neutral.Select(t => new LabelledText(t) { Sector = "other", Appeal = false, Negative = false, Inappropriate = false })];
        var trainer = TinyCorpus.Trainer(42, trainers: TinyCorpus.NaiveBayesTrainers);
        var result = trainer.Train(texts, TinyCorpus.Sectors);
        var featurizer = new TextFeaturizer(trainer.Lexicon, trainer.Settings);
        featurizer.UseVocabulary(result.Vocabulary);
        // the tone model's examples: texts not labelled as appeals
        var examples = texts.Where(t => t.Appeal != true && t.Negative is not null).ToList();
        var vectors = examples.Select(t => featurizer.Featurize(t.Text)).ToArray();
        var ratios = NaiveBayesWeights.Ratios(vectors.Zip(examples, (v, t) => (v, t.Negative == true)), result.Vocabulary.Kinds);

        // the same regression trained here on the scaled vectors, as the trainer's final fit does (same seed and rows)
        var ml = new MLContext(42);
        var dimension = result.Vocabulary.Count;
        var view = MlRows.BinaryView(ml, vectors.Zip(examples, (v, t) => new MlRows.Binary
        {
            Features = MlRows.ToVBuffer(NaiveBayesWeights.Scale(v, ratios), dimension),
            Label = t.Negative == true,
        }), dimension);
        var reference = ModelFiles.ToLinearModel("negative", ModelTrainer.LogisticRegression(ml, 0.05f, 0.05f).Fit(view), ["0", "1"]);
        var folded = result.Models[ModelFiles.Negative].Model;

        Assert.Equal("NbLogisticRegression(L1=0.05,L2=0.05)", result.Models[ModelFiles.Negative].Entry.Trainer);
        // weights on n-grams whose ratio is not 1: the folding matters for this model
        Assert.Contains(Enumerable.Range(0, dimension), j => reference.Weight(j, 0) != 0 && Math.Abs(ratios[j] - 1) > 0.1);
        foreach (var text in new[] { "какой ужас, опять всё сломали", "спасибо, всё отлично", "завтра концерт в парке" })
        {
            var vector = featurizer.Featurize(text);
            Assert.Equal(reference.Probability(NaiveBayesWeights.Scale(vector, ratios)), folded.Probability(vector), 5);
        }
    }

    [Fact]
    public void Train_NaiveBayesSector_EachClassScoreIsItsOneVersusRestLogOdds()
    {
        var trainer = TinyCorpus.Trainer(42, trainers: TinyCorpus.NaiveBayesTrainers);
        var result = trainer.Train(TinyCorpus.Texts, TinyCorpus.Sectors);
        var featurizer = new TextFeaturizer(trainer.Lexicon, trainer.Settings);
        featurizer.UseVocabulary(result.Vocabulary);
        var vectors = TinyCorpus.Texts.Select(t => featurizer.WithoutLexiconSums(featurizer.Featurize(t.Text))).ToArray();
        var sector = result.Models[ModelFiles.Sector].Model;
        var dimension = result.Vocabulary.Count;
        var probe = featurizer.WithoutLexiconSums(featurizer.Featurize("мусор у подъезда не вывозят неделю"));
        var scores = new float[sector.Classes.Count];
        sector.Scores(probe, scores);
        var temperature = result.Models[ModelFiles.Sector].Entry.Temperature;

        Assert.Equal("NbOneVersusRest(L1=0.05,L2=0.05)", result.Models[ModelFiles.Sector].Entry.Trainer);
        Assert.NotEqual(1.0, temperature); // so the check below sees the scaling
        for (var c = 0; c < sector.Classes.Count; c++)
        {
            // class c against the rest, balanced, on vectors scaled by the class's ratios
            var inClass = TinyCorpus.Texts.Select(t => t.Sector == sector.Classes[c]).ToArray();
            var positives = inClass.Count(b => b);
            var ratios = NaiveBayesWeights.Ratios(vectors.Zip(inClass), result.Vocabulary.Kinds);
            var ml = new MLContext(42);
            var view = MlRows.BinaryView(ml, vectors.Select((v, i) => new MlRows.Binary
            {
                Features = MlRows.ToVBuffer(NaiveBayesWeights.Scale(v, ratios), dimension),
                Label = inClass[i],
                Weight = inClass[i] ? vectors.Length / (2f * positives) : vectors.Length / (2f * (vectors.Length - positives)),
            }), dimension);
            var reference = ModelFiles.ToLinearModel("b", ModelTrainer.LogisticRegression(ml, 0.05f, 0.05f).Fit(view), ["0", "1"]);

            // the final weights and biases are the log-odds' times the temperature
            Assert.Equal(reference.Probability(NaiveBayesWeights.Scale(probe, ratios)), 1 / (1 + Math.Exp(-scores[c] / temperature)), 4);
        }
    }

    [Fact]
    public void FitNbOneVersusRest_RowsLeftOut_DoNotChangeTheWeights()
    {
        // cross-validation fits on a fold's training rows: nothing of the other rows (their ratios included) may leak in
        var trainer = TinyCorpus.Trainer(42);
        var featurizer = new TextFeaturizer(trainer.Lexicon, trainer.Settings);
        var vocabulary = FeatureVocabulary.Build(TinyCorpus.Texts.Select(t => t.Text), featurizer);
        featurizer.UseVocabulary(vocabulary);
        var vectors = TinyCorpus.Texts.Select(t => featurizer.Featurize(t.Text)).ToArray();
        var rows = Enumerable.Range(0, vectors.Length).Where(i => i % 3 != 0).ToList();
        var classes = TinyCorpus.Sectors.Order(StringComparer.Ordinal).ToList();
        var changed = vectors.Select((v, i) => i % 3 != 0 ? v : featurizer.Featurize("мусор мусор контейнер автобус школа яма")).ToArray();

        var (weights, biases) = ModelTrainer.FitNbOneVersusRest(new MLContext(42), rows, i => TinyCorpus.Texts[i].Sector!, classes, vectors, vocabulary.Kinds, (0.05f, 0.05f));
        var (same, sameBiases) = ModelTrainer.FitNbOneVersusRest(new MLContext(42), rows, i => i % 3 != 0 ? TinyCorpus.Texts[i].Sector! : "tko", classes, changed, vocabulary.Kinds, (0.05f, 0.05f));
        var (all, _) = ModelTrainer.FitNbOneVersusRest(new MLContext(42), [.. Enumerable.Range(0, vectors.Length)], i => TinyCorpus.Texts[i].Sector!, classes, vectors, vocabulary.Kinds, (0.05f, 0.05f));

        Assert.Equal(biases, sameBiases);
        for (var c = 0; c < classes.Count; c++)
        {
            Assert.Equal(weights[c], same[c]);
        }

        Assert.Contains(Enumerable.Range(0, classes.Count), c => !weights[c].SequenceEqual(all[c])); // the rows do matter
    }

    [Fact]
    public void FitTemperature_OverconfidentProbabilities_SoftensThem()
    {
        // 0.99 for the predicted class, right 3 times in 4: p^T / (p^T + 0.01^T) = 0.75 at T = ln 3 / ln 99 ≈ 0.24
        float[][] overconfident = [[0.99f, 0.01f], [0.99f, 0.01f], [0.99f, 0.01f], [0.99f, 0.01f]];
        float[][] calibrated = [[0.75f, 0.25f], [0.75f, 0.25f], [0.75f, 0.25f], [0.75f, 0.25f]];
        int[] examples = [0, 1, 2, 3];
        string Label(int i) => i == 3 ? "b" : "a";

        Assert.InRange(ModelTrainer.FitTemperature(overconfident, examples, Label, ["a", "b"]), 0.2, 0.25);
        Assert.Equal(1.0, ModelTrainer.FitTemperature(calibrated, examples, Label, ["a", "b"]), 6);
    }

    [Fact]
    public void Load_TwiceFromTheSameFolder_PredictsTheSame()
    {
        var lexicon = TinyCorpus.Lexicon();
        var a = new ModelClassifier(lexicon, ModelFiles.Load(TinyCorpus.ModelDirectory, lexicon));
        var b = new ModelClassifier(lexicon, ModelFiles.Load(TinyCorpus.ModelDirectory, lexicon));
        foreach (var text in TinyCorpus.Texts.Select(t => t.Text))
        {
            var x = a.Classify(text, Engagement.None, null, explain: true);
            var y = b.Classify(text, Engagement.None, null, explain: true);
            Assert.Equal(x.Result.Sector, y.Result.Sector);
            Assert.Equal(x.AppealProbability, y.AppealProbability);
            Assert.Equal(x.NegativeProbability, y.NegativeProbability);
            Assert.Equal(x.Result.Reasons, y.Result.Reasons);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("😡😡😡 🙏")]
    [InlineData("net vody tretiy den, upravlyayushchaya kompaniya molchit")]
    [InlineData("   \n\t ")]
    public void Classify_UnusualTexts_DoesNotFail(string text)
    {
        var classifier = new ModelClassifier(TinyCorpus.Lexicon(), ModelFiles.Load(TinyCorpus.ModelDirectory, TinyCorpus.Lexicon()));
        var result = classifier.Classify(text, Engagement.None);
        Assert.Contains(result.Sector, TinyCorpus.Sectors);
        Assert.NotEmpty(result.Reasons);
        Assert.StartsWith("ml-", result.ModelVersion, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_OneMegabyteText_ClassifiesItsBeginningQuickly()
    {
        var classifier = new ModelClassifier(TinyCorpus.Lexicon(), ModelFiles.Load(TinyCorpus.ModelDirectory, TinyCorpus.Lexicon()));
        var text = string.Concat(Enumerable.Repeat("мусор не вывозят, контейнеры переполнены. ", 1_048_576 / 42 + 1));
        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = classifier.Classify(text, Engagement.None);
        Assert.Equal("tko", result.Sector);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"took {started.Elapsed}");
    }

    [Fact]
    public void Classify_Complaint_ExplainsWithTopTermsAndModelVersion()
    {
        var classifier = new ModelClassifier(TinyCorpus.Lexicon(), ModelFiles.Load(TinyCorpus.ModelDirectory, TinyCorpus.Lexicon()));
        var result = classifier.Classify("мусор не вывозят неделю, контейнеры переполнены", Engagement.None);

        Assert.Equal("tko", result.Sector);
        var sectorReason = Assert.Single(result.Reasons, r => r.StartsWith("сектор tko", StringComparison.Ordinal));
        // the top terms are n-grams of the text (stems, bigrams or character n-grams) or the lexicon's matched terms
        Assert.Matches("«[^»]+» \\+\\d", sectorReason);
        Assert.Contains(result.Reasons, r => r.StartsWith("риск", StringComparison.Ordinal));
    }

    [Fact]
    public void Explanations_EverySpecialFeature_HasAName()
    {
        var featurizer = new TextFeaturizer(TinyCorpus.Lexicon(), new FeaturizerSettings { SentimentLexicon = true, ToneLexicon = true });

        // sector scores are named with their matched terms; every other special feature needs words an officer reads
        var unnamed = featurizer.SpecialNames
            .Where(n => !n.StartsWith("lex:sector:", StringComparison.Ordinal) && ModelClassifier.SpecialText(n) == n)
            .ToList();

        Assert.Empty(unnamed);
    }

    [Fact]
    public void Classify_CommentWithoutSectorWords_TakesItsParentsSector()
    {
        var classifier = new ModelClassifier(TinyCorpus.Lexicon(), ModelFiles.Load(TinyCorpus.ModelDirectory, TinyCorpus.Lexicon()));
        var result = classifier.Classify("у нас то же самое", Engagement.None, new ParentContext("roads", true));
        Assert.Equal("roads", result.Sector);
    }

    [Fact]
    public void Classify_FromManyThreads_GivesTheSameAnswers()
    {
        var classifier = new ModelClassifier(TinyCorpus.Lexicon(), ModelFiles.Load(TinyCorpus.ModelDirectory, TinyCorpus.Lexicon()));
        var texts = TinyCorpus.Texts.Select(t => t.Text).ToArray();
        var expected = texts.Select(t => classifier.Classify(t, Engagement.None).Sector).ToArray();
        var results = new string[texts.Length * 50];
        Parallel.For(0, results.Length, i => results[i] = classifier.Classify(texts[i % texts.Length], Engagement.None).Sector);
        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % texts.Length], results[i]);
        }
    }
}
