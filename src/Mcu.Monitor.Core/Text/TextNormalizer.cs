using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Mcu.Monitor.Text;

/// <summary>
/// Cleans untrusted post text. <see cref="ForStorage"/> keeps what a person wrote (line breaks, emoji,
/// case) and removes only what no reader needs: control characters, unpaired surrogates, NUL, stray
/// whitespace. <see cref="ForMatching"/> further lower-cases, folds ё→е and strips URLs and mentions;
/// <see cref="ForModel"/> also strips e-mail addresses (the ML models' normalisation; numbers are collapsed by the featurizer).
/// </summary>
public static partial class TextNormalizer
{
    public static string ForStorage(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    builder.Append(c).Append(text[++i]);
                }

                continue; // an unpaired surrogate cannot be stored as UTF-8
            }

            if (char.IsLowSurrogate(c))
            {
                continue;
            }

            if (c == '\r')
            {
                // \r\n and lone \r both become one line break
                if (i + 1 >= text.Length || text[i + 1] != '\n')
                {
                    builder.Append('\n');
                }

                continue;
            }

            if (c is '\n' or '\t')
            {
                builder.Append(c);
                continue;
            }

            var category = char.GetUnicodeCategory(c);
            if (category == UnicodeCategory.Control || c == '\uFEFF')
            {
                continue;
            }

            // Zero-width joiners are part of emoji sequences; other format characters are kept too.
            builder.Append(c == '\u00A0' ? ' ' : c);
        }

        return builder.ToString().Trim().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Text as the classifier and the gazetteer see it.</summary>
    public static string ForMatching(string text)
    {
        var withoutLinks = UrlPattern().Replace(text, " ");
        withoutLinks = VkMentionPattern().Replace(withoutLinks, " $1 ");
        withoutLinks = MentionPattern().Replace(withoutLinks, " ");
        return FoldCase(withoutLinks);
    }

    /// <summary>Text as the lexicon and the ML models see it: <see cref="ForMatching"/> without e-mail addresses.</summary>
    public static string ForModel(string text) => ForMatching(EmailPattern().Replace(text, " "));

    /// <summary>Lower case with ё folded to е, which Russian writers use interchangeably.</summary>
    public static string FoldCase(string text) =>
        text.ToLowerInvariant().Replace('ё', 'е');

    [GeneratedRegex(@"(https?://|www\.)\S+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    // VK writes mentions as [id123|Имя] or [club123|Название]: keep the visible name, drop the id.
    [GeneratedRegex(@"\[(?:id|club|public)\d+\|([^\]]*)\]", RegexOptions.CultureInvariant)]
    private static partial Regex VkMentionPattern();

    [GeneratedRegex(@"(?<!\w)@[A-Za-z0-9_]{3,}", RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();
}
