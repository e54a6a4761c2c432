using System.Security.Cryptography;
using System.Text.Json;
using Mcu.Monitor.Classification;
using Mcu.Monitor.Classification.Models;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Mcu.Monitor.MachineLearning;

/// <summary>
/// The model folder: one ML.NET zip per model, the shared feature vocabulary and the model card. Loading reads
/// each zip with ML.NET and takes the learned weights out of its linear model parameters, so inference is a dot
/// product over the shared features (ML.NET's PredictionEngine is neither thread-safe nor fast enough per post).
/// </summary>
public static class ModelFiles
{
    public const string CardFile = "model-card.json";
    public const string FeaturesFile = "features.tsv";
    public const string Sector = "sector";
    public const string Appeal = "appeal";
    public const string Negative = "negative";
    public const string Inappropriate = "inappropriate";

    public static readonly string[] Names = [Sector, Appeal, Negative, Inappropriate];

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string ZipName(string model) => model + ".zip";

    public static string ResolveDirectory(string directory) =>
        Path.IsPathRooted(directory) ? directory : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, directory));

    public static ModelCard ReadCard(string directory)
    {
        var path = Path.Combine(directory, CardFile);
        if (!File.Exists(path))
        {
            throw new ModelLoadException(path, "file not found (train the models with `model train`)");
        }

        try
        {
            return JsonSerializer.Deserialize<ModelCard>(File.ReadAllText(path), Json)
                ?? throw new ModelLoadException(path, "empty model card");
        }
        catch (JsonException ex)
        {
            throw new ModelLoadException(path, "not a valid model card: " + ex.Message);
        }
    }

    public static void WriteCard(string directory, ModelCard card) =>
        File.WriteAllText(Path.Combine(directory, CardFile), JsonSerializer.Serialize(card, Json) + "\n");

    /// <summary>Loads every model named in the card; any missing, altered or unreadable file is an error naming it.</summary>
    public static ModelSet Load(string directory, LexiconClassifier lexicon)
    {
        directory = ResolveDirectory(directory);
        var card = ReadCard(directory);
        var featuresPath = Path.Combine(directory, FeaturesFile);
        if (!File.Exists(featuresPath))
        {
            throw new ModelLoadException(featuresPath, "file not found");
        }

        if (Sha256(featuresPath) != card.FeaturesSha256)
        {
            throw new ModelLoadException(featuresPath, "its SHA-256 differs from the model card's (altered or from another training run)");
        }

        FeatureVocabulary vocabulary;
        try
        {
            using var reader = new StreamReader(featuresPath);
            vocabulary = FeatureVocabulary.Load(reader, featuresPath);
            new TextFeaturizer(lexicon, card.Featurizer).UseVocabulary(vocabulary);
        }
        catch (InvalidDataException ex)
        {
            throw new ModelLoadException(featuresPath, ex.Message);
        }

        var ml = new MLContext(seed: 0);
        LinearModel LoadOne(string name)
        {
            if (!card.Models.TryGetValue(name, out var entry))
            {
                throw new ModelLoadException(Path.Combine(directory, CardFile), $"no '{name}' model in the card");
            }

            var path = Path.Combine(directory, entry.File);
            if (!File.Exists(path))
            {
                throw new ModelLoadException(path, "file not found");
            }

            if (Sha256(path) != entry.Sha256)
            {
                throw new ModelLoadException(path, "its SHA-256 differs from the model card's (altered, truncated or from another training run)");
            }

            try
            {
                var transformer = ml.Model.Load(path, out _);
                var model = ToLinearModel(name, transformer, entry.Classes);
                if (model.Dimension != vocabulary.Count)
                {
                    throw new ModelLoadException(path, $"the model has {model.Dimension} features, the vocabulary {vocabulary.Count}");
                }

                return model;
            }
            // ML.NET reports a damaged or foreign zip with many exception types; each one means this file is unusable
            catch (Exception ex) when (ex is not ModelLoadException and not OutOfMemoryException)
            {
                throw new ModelLoadException(path, "not a readable ML.NET model: " + ex.Message);
            }
        }

        return new ModelSet
        {
            Version = card.Version,
            LexiconVersion = card.LexiconVersion,
            SentimentLexiconVersion = card.SentimentLexiconVersion,
            ToneLexiconVersion = card.ToneLexiconVersion,
            Settings = card.Featurizer,
            Vocabulary = vocabulary,
            Sector = LoadOne(Sector),
            Appeal = LoadOne(Appeal),
            Negative = LoadOne(Negative),
            Inappropriate = LoadOne(Inappropriate),
            AppealThreshold = card.Models[Appeal].Threshold,
            SectorLexiconBoost = card.Models[Sector].LexiconBoost,
            NegativeThreshold = card.Models[Negative].Threshold,
            InappropriateThreshold = card.Models[Inappropriate].Threshold,
        };
    }

    /// <summary>Takes the learned weights out of an ML.NET linear model (maximum entropy or calibrated logistic regression).</summary>
    public static LinearModel ToLinearModel(string name, ITransformer transformer, IReadOnlyList<string> classes)
    {
        if (transformer is TransformerChain<ITransformer> chain)
        {
            transformer = chain.LastTransformer;
        }

        var parameters = transformer is ISingleFeaturePredictionTransformer<object> prediction
            ? prediction.Model
            : throw new InvalidDataException($"expected a prediction transformer, found {transformer.GetType().Name}");
        switch (parameters)
        {
            case LinearMulticlassModelParametersBase multiclass:
            {
                VBuffer<float>[] weights = [];
                multiclass.GetWeights(ref weights, out var count);
                var dense = new float[count][];
                for (var c = 0; c < count; c++)
                {
                    dense[c] = weights[c].DenseValues().ToArray();
                }

                if (count != classes.Count)
                {
                    throw new InvalidDataException($"the model has {count} classes, the card names {classes.Count}");
                }

                return new LinearModel(name, classes, dense, [.. multiclass.GetBiases()], binary: false);
            }

            case CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator> calibrated:
                return new LinearModel(name, classes, [[.. calibrated.SubModel.Weights]], [calibrated.SubModel.Bias], binary: true,
                    (float)calibrated.Calibrator.Slope, (float)calibrated.Calibrator.Offset);

            default:
                throw new InvalidDataException($"unsupported model parameters {parameters?.GetType().Name ?? "null"}");
        }
    }

    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
