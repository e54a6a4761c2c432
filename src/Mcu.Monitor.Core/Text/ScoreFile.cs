using System.Collections.Frozen;
using System.Globalization;
using System.Security.Cryptography;

namespace Mcu.Monitor.Text;

/// <summary>Reads the embedded «key&lt;TAB&gt;score» files of the tone lexicons; lines starting with # are comments.</summary>
internal static class ScoreFile
{
    /// <summary>The entries in file order, and the file's SHA-256 (lower-case hex).</summary>
    public static (List<(string Key, float Score)> Entries, string Sha256) Read(string resourceName)
    {
        using var stream = typeof(ScoreFile).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"embedded resource {resourceName} is missing from the build");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes.GetBuffer().AsSpan(0, (int)bytes.Length)));
        bytes.Position = 0;
        using var reader = new StreamReader(bytes);
        var entries = new List<(string, float)>();
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
                throw new InvalidDataException($"{resourceName} line {number}: expected «key<TAB>score»");
            }

            entries.Add((line[..tab], score));
        }

        return (entries, sha256);
    }

    // «не плохо», «ни радости», «без проблем», «не очень хорошо», «не самый лучший»: the word counts with the opposite sign
    private static readonly FrozenSet<string> Negations = FrozenSet.Create(StringComparer.Ordinal, "не", "ни", "без");

    private static readonly FrozenSet<string> Intensifiers = FrozenSet.Create(StringComparer.Ordinal,
        "очень", "слишком", "совсем", "особо", "особенно", "сильно", "настолько", "вполне",
        "самый", "самая", "самое", "самые", "такой", "такая", "такое", "такие");

    /// <summary>
    /// Revision of how <see cref="Tally"/> reads texts, part of both lexicons' versions: models trained when it read
    /// them otherwise (a «не» only, before session 7) are warned about at start-up like models of another file.
    /// </summary>
    private const string RuleRevision = "r2";

    /// <summary>A lexicon's version: its prefix, the first 8 hex digits of the file's SHA-256 and the rule revision.</summary>
    public static string Version(string prefix, string sha256) => $"{prefix}-{sha256[..8]}-{RuleRevision}";

    /// <summary>
    /// Sums the negative and positive scores of the tokens found in <paramref name="scores"/> (keyed by the token's stem,
    /// or by its surface form when <paramref name="bySurface"/>; as positive numbers) and counts the words; a word after
    /// «не», «ни» (not «бы ни»: «кто бы ни победил») or «без», or after «не» and an intensifier («не очень»), counts with
    /// the opposite sign — only with a single character (a space) between the words: «не, спасибо» is no negation.
    /// </summary>
    public static SentimentTally Tally(IReadOnlyList<Token> tokens, FrozenDictionary<string, float> scores, bool bySurface)
    {
        var tally = default(SentimentTally);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!scores.TryGetValue(bySurface ? tokens[i].Surface : tokens[i].Stem, out var score))
            {
                continue;
            }

            if (Negated(tokens, i))
            {
                score = -score;
            }

            tally = tally.Add(score);
        }

        return tally;
    }

    private static bool Negated(IReadOnlyList<Token> tokens, int i)
    {
        if (i == 0 || !Adjacent(tokens[i - 1], tokens[i]))
        {
            return false;
        }

        var previous = tokens[i - 1].Surface;
        if (Negations.Contains(previous))
        {
            return previous != "ни" || i < 2 || tokens[i - 2].Surface != "бы";
        }

        return i > 1 && tokens[i - 2].Surface == "не" && Intensifiers.Contains(previous) && Adjacent(tokens[i - 2], tokens[i - 1]);
    }

    private static bool Adjacent(Token first, Token second) => second.Start == first.Start + first.Surface.Length + 1;
}
