namespace Mcu.Monitor.MachineLearning;

/// <summary>What <c>model train</c> built, from what, and how well it did: <c>models/model-card.json</c>.</summary>
public sealed record ModelCard
{
    public required string Version { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required int Seed { get; init; }

    public required int Folds { get; init; }

    public required string LexiconVersion { get; init; }

    /// <summary>The general sentiment lexicon the models were trained with (<see cref="Text.SentimentLexicon.Version"/>); null when not used.</summary>
    public string? SentimentLexiconVersion { get; init; }

    /// <summary>The team's tone lexicon the models were trained with (<see cref="Text.ToneLexicon.Version"/>); null when not used.</summary>
    public string? ToneLexiconVersion { get; init; }

    public required Classification.Models.FeaturizerSettings Featurizer { get; init; }

    public required int Features { get; init; }

    public required string FeaturesSha256 { get; init; }

    public required ModelCardData Data { get; init; }

    public required Dictionary<string, ModelCardEntry> Models { get; init; }

    /// <summary>Measurements on evaluation sets, added by <c>model evaluate --record</c>.</summary>
    public Dictionary<string, ModelCardEvaluation> Evaluations { get; init; } = new(StringComparer.Ordinal);
}

public sealed record ModelCardData
{
    /// <summary>SHA-256 over every training file's bytes and the feedback rows, in reading order.</summary>
    public required string Sha256 { get; init; }

    public required List<ModelCardFile> Files { get; init; }

    public required int FeedbackRows { get; init; }

    public required int Texts { get; init; }
}

public sealed record ModelCardFile(string Path, string Sha256, int Rows);

public sealed record ModelCardEntry
{
    public required string File { get; init; }

    public required string Sha256 { get; init; }

    public required string Trainer { get; init; }

    public required List<string> Classes { get; init; }

    /// <summary>Decision threshold on the class-1 probability (binary models), chosen on the cross-validated predictions.</summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>Sector model only: weight of the lexicon's sector scores in the combination (chosen by cross-validation).</summary>
    public double LexiconBoost { get; init; }

    /// <summary>Multiclass: the temperature the final weights and biases were multiplied by (1 in cards written before it).</summary>
    public double Temperature { get; init; } = 1;

    public required int Examples { get; init; }

    public required Dictionary<string, int> ClassCounts { get; init; }

    public required int NonZeroWeights { get; init; }

    /// <summary>Every candidate's cross-validation result; the chosen one has the best score.</summary>
    public required List<ModelCardCandidate> Candidates { get; init; }

    public required ModelCardMetrics CrossValidation { get; init; }

    /// <summary>
    /// Sector model only: the chosen trainer and boost on the corpus's portal texts when trained on the other texts
    /// (null when there are fewer than <c>ModelTrainer.CrossGenreMinimum</c> of them or a sector has no other text).
    /// </summary>
    public ModelCardMetrics? CrossGenre { get; init; }
}

public sealed record ModelCardCandidate(string Trainer, double Score, double Accuracy, double MacroF1, double PositiveF1, double Threshold, double Seconds);

public sealed record ModelCardMetrics
{
    public required int N { get; init; }

    public required double Accuracy { get; init; }

    public required double MacroF1 { get; init; }

    public required Dictionary<string, ModelCardClassMetrics> PerClass { get; init; }
}

public sealed record ModelCardClassMetrics(double Precision, double Recall, double F1, int Support);

public sealed record ModelCardEvaluation
{
    public required string Model { get; init; }

    public required string Data { get; init; }

    public required string DataSha256 { get; init; }

    public required string Command { get; init; }

    public required ModelCardMetrics Metrics { get; init; }

    public required DateTimeOffset MeasuredAt { get; init; }
}
