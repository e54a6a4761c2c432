using System.Globalization;
using System.Text;
using Mcu.Monitor.Classification;
using Microsoft.ML;

namespace Mcu.Monitor.MachineLearning;

/// <summary>Writes a training run to the model folder: the zips, <c>features.tsv</c>, <c>model-card.json</c> and <c>README.md</c>.</summary>
public static class ModelPublisher
{
    public static ModelCard Save(
        ModelTrainer.Result result, string directory, TrainingData data, LexiconClassifier lexicon, ModelTrainer trainer, DateTimeOffset now)
    {
        Directory.CreateDirectory(directory);
        var featuresPath = Path.Combine(directory, ModelFiles.FeaturesFile);
        using (var writer = new StreamWriter(featuresPath, append: false, new UTF8Encoding(false)))
        {
            result.Vocabulary.Save(writer);
        }

        var ml = new MLContext(trainer.Seed);
        var entries = new Dictionary<string, ModelCardEntry>(StringComparer.Ordinal);
        foreach (var name in ModelFiles.Names)
        {
            var (transformer, schema, entry, _) = result.Models[name];
            var path = Path.Combine(directory, entry.File);
            ml.Model.Save(transformer, schema, path);
            entries[name] = entry with { Sha256 = ModelFiles.Sha256(path) };
        }

        var featuresSha = ModelFiles.Sha256(featuresPath);
        // The version hashes what the models compute (vocabulary, weights, thresholds), not the zip bytes, which carry
        // timestamps: retraining on the same data with the same seed gives the same version.
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(featuresSha));
        foreach (var name in ModelFiles.Names)
        {
            var (_, _, entry, model) = result.Models[name];
            hash.AppendData(Encoding.UTF8.GetBytes(FormattableString.Invariant($"|{name}|{entry.Threshold}|{entry.LexiconBoost}|")));
            hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(model.Biases.AsSpan()));
            for (var row = 0; row < (model.IsBinary ? 1 : model.Classes.Count); row++)
            {
                for (var f = 0; f < model.Dimension; f++)
                {
                    var w = model.Weight(f, row);
                    hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(new ReadOnlySpan<float>(in w)));
                }
            }
        }

        var version = "ml-" + now.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(hash.GetCurrentHash())[..8];
        var card = new ModelCard
        {
            Version = version,
            CreatedAt = now,
            Seed = trainer.Seed,
            Folds = trainer.Folds,
            LexiconVersion = lexicon.ModelVersion,
            SentimentLexiconVersion = trainer.Settings.SentimentLexicon ? Text.SentimentLexicon.Version : null,
            ToneLexiconVersion = trainer.Settings.ToneLexicon ? Text.ToneLexicon.Version : null,
            Featurizer = trainer.Settings,
            Features = result.Vocabulary.Count,
            FeaturesSha256 = featuresSha,
            Data = new ModelCardData
            {
                Sha256 = data.Sha256(),
                Files = data.Files,
                FeedbackRows = data.FeedbackRows,
                Texts = data.Texts.Count,
            },
            Models = entries,
        };
        ModelFiles.WriteCard(directory, card);
        ModelCardReadme.Write(directory, card);
        return card;
    }
}
