using System.Collections.Frozen;

namespace Mcu.Monitor.Text;

/// <summary>
/// A general Russian sentiment lexicon written outside the project (NLP.js, MIT; <c>sentiment-ru.tsv</c>): 6,428
/// Snowball stems scored from -5 to 5. Its value is coverage — the team's corpus cannot contain every word
/// residents use to complain or praise, and the tone model learns from these sums how far to trust words it never
/// saw in training. A negated word counts with the opposite sign («не плохо» is not negative; <see cref="ScoreFile.Tally"/>).
/// </summary>
public static class SentimentLexicon
{
    private const string ResourceName = "Mcu.Monitor.Text.sentiment-ru.tsv";

    private static readonly Lazy<(FrozenDictionary<string, float> Scores, string Version)> Lexicon = new(Load);

    /// <summary>
    /// «sentiment-», the first 8 hex digits of the file's SHA-256 and the revision of the reading rules
    /// (<see cref="ScoreFile.Version"/>): recorded in the model card, so models trained with another version of the file,
    /// or of the rules, are noticed at start-up.
    /// </summary>
    public static string Version => Lexicon.Value.Version;

    /// <summary>Number of stems in the lexicon.</summary>
    public static int Count => Lexicon.Value.Scores.Count;

    /// <summary>The score of a stem, 0 when the lexicon does not hold it.</summary>
    public static float ScoreOf(string stem) => Lexicon.Value.Scores.GetValueOrDefault(stem);

    /// <summary>Sums the negative and positive scores of the tokens (as positive numbers) and counts the words.</summary>
    public static SentimentTally Tally(IReadOnlyList<Token> tokens) => ScoreFile.Tally(tokens, Lexicon.Value.Scores, bySurface: false);

    /// <summary>Reads the embedded file once: its scores, and its version from the same bytes.</summary>
    private static (FrozenDictionary<string, float>, string) Load()
    {
        var (entries, sha256) = ScoreFile.Read(ResourceName);
        var version = ScoreFile.Version("sentiment", sha256);
        var scores = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var (stem, score) in entries)
        {
            scores[stem] = score;
        }

        return (scores.ToFrozenDictionary(StringComparer.Ordinal), version);
    }
}

/// <summary>Sentiment of a text by one lexicon (<see cref="SentimentLexicon"/>, <see cref="ToneLexicon"/>): sums of scores (both positive numbers) and word counts.</summary>
public readonly record struct SentimentTally(float Negative, float Positive, int NegativeWords, int PositiveWords)
{
    /// <summary>This tally with one more scored word.</summary>
    public SentimentTally Add(float score) => score < 0
        ? this with { Negative = Negative - score, NegativeWords = NegativeWords + 1 }
        : this with { Positive = Positive + score, PositiveWords = PositiveWords + 1 };
}
