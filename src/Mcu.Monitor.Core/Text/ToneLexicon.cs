using System.Collections.Frozen;

namespace Mcu.Monitor.Text;

/// <summary>
/// The team's own tone lexicon (<c>tone-ru.tsv</c>): words and emoji of everyday social-network Russian scored from
/// -3 to 3 — emotions, judgement, insults, slang, misfortune and good news — written for this product. It adds to
/// <see cref="SentimentLexicon"/> (a general lexicon written outside the project) the register residents write in
/// («бесит», «кринж», «задолбали», «ору», 😡), which the tone model cannot learn from a corpus that never used it.
/// Words match as written (lower case, ё as е, stretched vowels squeezed), not by stem: the file lists the forms
/// people use, and Snowball stems join words of other meanings and signs («ул» and «улов», «отменили» and «отменный»).
/// </summary>
public static class ToneLexicon
{
    private const string ResourceName = "Mcu.Monitor.Text.tone-ru.tsv";

    private static readonly Lazy<Loaded> Lexicon = new(Load);

    /// <summary>«tone-», the first 8 hex digits of the file's SHA-256 and the rules' revision (<see cref="ScoreFile.Version"/>), recorded in the model card.</summary>
    public static string Version => Lexicon.Value.Version;

    /// <summary>Number of words and emoji.</summary>
    public static int Count => Lexicon.Value.Words.Count + Lexicon.Value.Emoji.Count;

    /// <summary>The score of a word or an emoji (a variation selector after it ignored), 0 when the lexicon does not hold it.</summary>
    public static float ScoreOf(string wordOrEmoji)
    {
        var key = wordOrEmoji.Replace("\uFE0F", "", StringComparison.Ordinal);
        return IsEmoji(key) ? Lexicon.Value.Emoji.GetValueOrDefault(key) : Lexicon.Value.Words.GetValueOrDefault(WordKey(key));
    }

    /// <summary>Sums the scores of the text's words (see <see cref="ScoreFile.Tally"/> for negation) and of its emoji.</summary>
    public static SentimentTally Tally(IReadOnlyList<Token> tokens, string text)
    {
        var lexicon = Lexicon.Value;
        var tally = ScoreFile.Tally(tokens, lexicon.Words, bySurface: true);
        var emoji = lexicon.Emoji.GetAlternateLookup<ReadOnlySpan<char>>();
        var length = Math.Min(text.Length, Tokenizer.MaxMatchedChars);
        for (var i = 0; i < length; i++)
        {
            var width = Tokenizer.EmojiWidth(text, i, length);
            if (width > 0 && emoji.TryGetValue(text.AsSpan(i, width), out var score))
            {
                tally = tally.Add(score);
            }

            i += Math.Max(width - 1, 0);
        }

        return tally;
    }

    /// <summary>Whether a key of the file is one pictograph as <see cref="Tokenizer.EmojiWidth"/> reads it.</summary>
    internal static bool IsEmoji(string key) => key.Length > 0 && Tokenizer.EmojiWidth(key, 0, key.Length) == key.Length;

    /// <summary>A word as the tokenizer's surface forms are written (<see cref="TextNormalizer.ForModel"/>).</summary>
    private static string WordKey(string word) => TextNormalizer.SqueezeStretchedLetters(TextNormalizer.FoldCase(word));

    private static Loaded Load()
    {
        var (entries, sha256) = ScoreFile.Read(ResourceName);
        var words = new Dictionary<string, float>(StringComparer.Ordinal);
        var emoji = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var (key, score) in entries)
        {
            if (IsEmoji(key))
            {
                emoji[key] = score;
            }
            else
            {
                words[WordKey(key)] = score;
            }
        }

        return new Loaded(words.ToFrozenDictionary(StringComparer.Ordinal), emoji.ToFrozenDictionary(StringComparer.Ordinal), ScoreFile.Version("tone", sha256));
    }

    private sealed record Loaded(FrozenDictionary<string, float> Words, FrozenDictionary<string, float> Emoji, string Version);
}
