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
}
