namespace Mcu.Monitor.Classification.Models;

/// <summary>How texts become features; saved in the model card so inference featurises as training did.</summary>
public sealed record FeaturizerSettings
{
    /// <summary>Word bigrams of stems besides the stems themselves.</summary>
    public bool WordBigrams { get; init; } = true;

    /// <summary>Shortest character n-gram inside a word (padded with &lt; and &gt;); 0 turns them off.</summary>
    public int CharGramMin { get; init; } = 3;

    /// <summary>Longest character n-gram.</summary>
    public int CharGramMax { get; init; } = 5;

    /// <summary>Least number of training texts an n-gram must occur in to enter the vocabulary.</summary>
    public int MinDocumentFrequency { get; init; } = 2;

    /// <summary>Most n-grams kept (the most frequent).</summary>
    public int MaxFeatures { get; init; } = 300_000;

    /// <summary>
    /// Sums of the general sentiment lexicon (<see cref="Text.SentimentLexicon"/>) as features. Off for model cards
    /// written before it existed, so they keep featurising as they were trained; `model train` turns it on.
    /// </summary>
    public bool SentimentLexicon { get; init; }

    /// <summary>
    /// Sums of the team's tone lexicon of social-network Russian (<see cref="Text.ToneLexicon"/>) as features. Off for
    /// model cards written before it existed; `model train` turns it on.
    /// </summary>
    public bool ToneLexicon { get; init; }
}
