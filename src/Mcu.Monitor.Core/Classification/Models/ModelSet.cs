namespace Mcu.Monitor.Classification.Models;

/// <summary>
/// The trained models loaded from <c>models/</c>: the feature vocabulary and the four linear models that share it,
/// with their decision thresholds. Loaded once at start-up; immutable.
/// </summary>
public sealed class ModelSet
{
    public required string Version { get; init; }

    /// <summary>The lexicon the models were trained with (<see cref="LexiconClassifier.ModelVersion"/>), from the card.</summary>
    public string? LexiconVersion { get; init; }

    /// <summary>The general sentiment lexicon the models were trained with (<see cref="Text.SentimentLexicon.Version"/>), from the card.</summary>
    public string? SentimentLexiconVersion { get; init; }

    /// <summary>The team's tone lexicon the models were trained with (<see cref="Text.ToneLexicon.Version"/>), from the card.</summary>
    public string? ToneLexiconVersion { get; init; }

    public required FeaturizerSettings Settings { get; init; }

    public required FeatureVocabulary Vocabulary { get; init; }

    public required LinearModel Sector { get; init; }

    public required LinearModel Appeal { get; init; }

    public required LinearModel Negative { get; init; }

    public required LinearModel Inappropriate { get; init; }

    /// <summary>Probability of class 1 at or above which a binary model says yes, chosen by cross-validation.</summary>
    public double AppealThreshold { get; init; } = 0.5;

    /// <summary>Weight of the lexicon's sector scores combined with the sector model (<see cref="SectorEnsemble"/>).</summary>
    public double SectorLexiconBoost { get; init; }

    public double NegativeThreshold { get; init; } = 0.5;

    public double InappropriateThreshold { get; init; } = 0.5;
}
