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

    // «не плохо», «ни капли», «без проблем», «не очень хорошо»: the word counts with the opposite sign
    private static readonly FrozenSet<string> Negations = FrozenSet.Create(StringComparer.Ordinal, "не", "ни", "без");

    private static readonly FrozenSet<string> Intensifiers =
        FrozenSet.Create(StringComparer.Ordinal, "очень", "слишком", "совсем", "особо", "особенно", "так", "сильно", "настолько", "вполне");

    /// <summary>
    /// Sums the negative and positive scores of the tokens found in <paramref name="scores"/> (keyed by the token's stem,
    /// or by its surface form when <paramref name="bySurface"/>; as positive numbers) and counts the words; a word after
    /// «не», «ни» or «без», or after «не» and an intensifier («не очень»), counts with the opposite sign.
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

            if (i > 0 && (Negations.Contains(tokens[i - 1].Surface)
                || (i > 1 && tokens[i - 2].Surface == "не" && Intensifiers.Contains(tokens[i - 1].Surface))))
            {
                score = -score;
            }

            tally = tally.Add(score);
        }

        return tally;
    }
}
