using System.Collections.Frozen;
using System.Globalization;
using System.Security.Cryptography;

namespace Mcu.Monitor.Text;

/// <summary>
/// A general Russian sentiment lexicon written outside the project (NLP.js, MIT; <c>sentiment-ru.tsv</c>): 6,428
/// Snowball stems scored from -5 to 5. Its value is coverage — the team's corpus cannot contain every word
/// residents use to complain or praise, and the tone model learns from these sums how far to trust words it never
/// saw in training. A word after «не» counts with the opposite sign («не плохо» is not negative).
/// </summary>
public static class SentimentLexicon
{
    private const string ResourceName = "Mcu.Monitor.Text.sentiment-ru.tsv";

    private static readonly Lazy<(FrozenDictionary<string, float> Scores, string Version)> Lexicon = new(Load);

    /// <summary>
    /// «sentiment-» and the first 8 hex digits of the file's SHA-256: recorded in the model card, so models trained with
    /// another version of the file are noticed at start-up.
    /// </summary>
    public static string Version => Lexicon.Value.Version;

    /// <summary>Number of stems in the lexicon.</summary>
    public static int Count => Lexicon.Value.Scores.Count;

    /// <summary>The score of a stem, 0 when the lexicon does not hold it.</summary>
    public static float ScoreOf(string stem) => Lexicon.Value.Scores.GetValueOrDefault(stem);

    /// <summary>Sums the negative and positive scores of the tokens (as positive numbers) and counts the words.</summary>
    public static SentimentTally Tally(IReadOnlyList<Token> tokens)
    {
        var scores = Lexicon.Value.Scores;
        var tally = default(SentimentTally);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!scores.TryGetValue(tokens[i].Stem, out var score))
            {
                continue;
            }

            if (i > 0 && tokens[i - 1].Surface == "не")
            {
                score = -score;
            }

            tally = score < 0
                ? tally with { Negative = tally.Negative - score, NegativeWords = tally.NegativeWords + 1 }
                : tally with { Positive = tally.Positive + score, PositiveWords = tally.PositiveWords + 1 };
        }

        return tally;
    }

    /// <summary>Reads the embedded file once: its scores, and its version from the same bytes.</summary>
    private static (FrozenDictionary<string, float>, string) Load()
    {
        using var stream = typeof(SentimentLexicon).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from the build");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        var version = "sentiment-" + Convert.ToHexStringLower(SHA256.HashData(bytes.GetBuffer().AsSpan(0, (int)bytes.Length)))[..8];
        bytes.Position = 0;
        using var reader = new StreamReader(bytes);
        var scores = new Dictionary<string, float>(StringComparer.Ordinal);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0 || !float.TryParse(line.AsSpan(tab + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var score))
            {
                throw new InvalidDataException($"{ResourceName} line {number}: expected «stem<TAB>score»");
            }

            scores[line[..tab]] = score;
        }

        return (scores.ToFrozenDictionary(StringComparer.Ordinal), version);
    }
}

/// <summary>Sentiment of a text by <see cref="SentimentLexicon"/>: sums of scores (both positive numbers) and word counts.</summary>
public readonly record struct SentimentTally(float Negative, float Positive, int NegativeWords, int PositiveWords);
