using System.Collections.Frozen;
using System.Globalization;
using Lucene.Net.Analysis.Ru;

namespace Mcu.Monitor.Text;

/// <summary>
/// The team's own tone lexicon (<c>tone-ru.tsv</c>): words and emoji of everyday social-network Russian scored from
/// -3 to 3 — emotions, judgement, insults, slang, misfortune and good news — written for this product. It adds to
/// <see cref="SentimentLexicon"/> (a general lexicon written outside the project) the register residents write in
/// («бесит», «кринж», «задолбали», «ору», 😡), which the tone model cannot learn from a corpus that never used it.
/// Words are stemmed as texts are when the file is read; words sharing a stem get the mean of their scores, and a
/// word whose stem is that of a stop word not in the file is left out.
/// </summary>
public static class ToneLexicon
{
    private const string ResourceName = "Mcu.Monitor.Text.tone-ru.tsv";

    private static readonly Lazy<Loaded> Lexicon = new(Load);

    /// <summary>«tone-» and the first 8 hex digits of the file's SHA-256, recorded in the model card.</summary>
    public static string Version => Lexicon.Value.Version;

    /// <summary>Number of distinct stems and emoji.</summary>
    public static int Count => Lexicon.Value.Stems.Count + Lexicon.Value.Emoji.Count;

    /// <summary>The score of a word (stemmed here) or an emoji, 0 when the lexicon does not hold it.</summary>
    public static float ScoreOf(string wordOrEmoji) =>
        IsEmoji(wordOrEmoji)
            ? Lexicon.Value.Emoji.GetValueOrDefault(wordOrEmoji)
            : Lexicon.Value.Stems.GetValueOrDefault(RussianStemmer.Stem(TextNormalizer.FoldCase(wordOrEmoji)));

    /// <summary>Sums the scores of the text's words (a word after «не» with the opposite sign) and of its emoji.</summary>
    public static SentimentTally Tally(IReadOnlyList<Token> tokens, string text)
    {
        var lexicon = Lexicon.Value;
        var tally = ScoreFile.Tally(tokens, lexicon.Stems);
        var emoji = lexicon.Emoji.GetAlternateLookup<ReadOnlySpan<char>>();
        var length = Math.Min(text.Length, Tokenizer.MaxMatchedChars);
        for (var i = 0; i < length; i++)
        {
            var c = text[i];
            var width = char.IsHighSurrogate(c) && i + 1 < length && char.IsLowSurrogate(text[i + 1]) ? 2
                : c > 0x2000 && char.GetUnicodeCategory(c) == UnicodeCategory.OtherSymbol ? 1
                : 0;
            if (width > 0 && emoji.TryGetValue(text.AsSpan(i, width), out var score))
            {
                tally = tally.Add(score);
            }

            i += Math.Max(width - 1, 0);
        }

        return tally;
    }

    /// <summary>One pictograph: a code point above the Basic Multilingual Plane, or a symbol above U+2000.</summary>
    private static bool IsEmoji(string key) =>
        (key.Length == 2 && char.IsSurrogatePair(key[0], key[1]))
        || (key.Length == 1 && key[0] > 0x2000 && char.GetUnicodeCategory(key[0]) == UnicodeCategory.OtherSymbol);

    private static Loaded Load()
    {
        var (entries, sha256) = ScoreFile.Read(ResourceName);
        // a word whose stem is a stop word's («ною» → «но») would score every «но»; a stop word written in the file
        // («хорошо») is scored on purpose, and so are the words sharing its stem («хороший»)
        var written = entries.Select(e => TextNormalizer.FoldCase(e.Key)).ToHashSet(StringComparer.Ordinal);
        var stopStems = RussianAnalyzer.DefaultStopSet.Select(w => TextNormalizer.FoldCase(w.ToString()!))
            .Where(w => !written.Contains(w)).Select(RussianStemmer.Stem).ToHashSet(StringComparer.Ordinal);
        var stems = new Dictionary<string, (float Sum, int Count)>(StringComparer.Ordinal);
        var emoji = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var (key, score) in entries)
        {
            if (IsEmoji(key))
            {
                emoji[key] = score;
                continue;
            }

            var stem = RussianStemmer.Stem(TextNormalizer.FoldCase(key));
            if (stopStems.Contains(stem))
            {
                continue;
            }

            var (sum, count) = stems.GetValueOrDefault(stem);
            stems[stem] = (sum + score, count + 1);
        }

        return new Loaded(
            stems.ToFrozenDictionary(p => p.Key, p => p.Value.Sum / p.Value.Count, StringComparer.Ordinal),
            emoji.ToFrozenDictionary(StringComparer.Ordinal),
            "tone-" + sha256[..8]);
    }

    private sealed record Loaded(FrozenDictionary<string, float> Stems, FrozenDictionary<string, float> Emoji, string Version);
}
