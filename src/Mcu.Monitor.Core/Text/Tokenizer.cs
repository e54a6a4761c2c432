namespace Mcu.Monitor.Text;

/// <summary>
/// Splits folded text (see <see cref="TextNormalizer.ForMatching"/>) into word tokens: runs of letters
/// and digits. Hyphens split words, so «Матрено-Гезово» becomes two tokens matched as a phrase.
/// </summary>
public static class Tokenizer
{
    /// <summary>Posts longer than this are matched on their beginning only; the whole text is still stored.</summary>
    public const int MaxMatchedChars = 20_000;

    public static List<Token> Tokenize(string foldedText)
    {
        var length = Math.Min(foldedText.Length, MaxMatchedChars);
        var tokens = new List<Token>(length / 6 + 1);
        var start = -1;
        for (var i = 0; i <= length; i++)
        {
            var isWordChar = i < length && char.IsLetterOrDigit(foldedText[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                var surface = foldedText[start..i];
                tokens.Add(new Token(surface, RussianStemmer.Stem(surface), start));
                start = -1;
            }
        }

        return tokens;
    }

    /// <summary>
    /// The length of the pictograph (emoji or other symbol, which the word tokens leave out) starting at
    /// <paramref name="i"/> of the first <paramref name="length"/> characters: 2 for a code point above the Basic
    /// Multilingual Plane, 1 for a symbol above U+2000, else 0.
    /// </summary>
    public static int EmojiWidth(string text, int i, int length) =>
        char.IsHighSurrogate(text[i]) && i + 1 < length && char.IsLowSurrogate(text[i + 1]) ? 2
        : text[i] > 0x2000 && char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.OtherSymbol ? 1
        : 0;
}
