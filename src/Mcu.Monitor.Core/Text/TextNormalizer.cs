using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Mcu.Monitor.Text;

/// <summary>
/// Cleans untrusted post text. <see cref="ForStorage"/> keeps what a person wrote (line breaks, emoji,
/// case) and removes only what no reader needs: control characters, unpaired surrogates, NUL, stray
/// whitespace. <see cref="ForMatching"/> further lower-cases, folds ё→е and strips URLs and mentions;
/// <see cref="ForModel"/> also strips e-mail addresses and squeezes stretched letters (the ML models' normalisation;
/// numbers are collapsed by the featurizer).
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

    /// <summary>
    /// Text as the lexicon and the ML models see it: <see cref="ForMatching"/> without e-mail addresses and with
    /// letters stretched for emphasis squeezed back (<see cref="SqueezeStretchedLetters"/>).
    /// </summary>
    public static string ForModel(string text) => SqueezeStretchedLetters(ForMatching(EmailPattern().Replace(text, " ")));

    /// <summary>
    /// Folds a run of three or more of the same Cyrillic vowel inside a longer word into one («ужаааас» → «ужас»,
    /// «нееет» → «нет»): feeds stretch words for emphasis, and Russian spelling (but for a curiosity like «длинношеее»)
    /// never triples a letter, so the stretched word is the plain one. Consonants and whole-word runs are left alone,
    /// as abbreviations are made of them («ООО», «СССР»), and so is Latin («III квартал»). Expects folded text
    /// (<see cref="FoldCase"/>); returns the same string when nothing is stretched.
    /// </summary>
    public static string SqueezeStretchedLetters(string text)
    {
        var first = FirstStretch(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length;)
        {
            var run = RunAt(text, i);
            builder.Append(text[i], IsStretch(text, i, run) ? 1 : run);
            i += run;
        }

        return builder.ToString();
    }

    private static int FirstStretch(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            var run = RunAt(text, i);
            if (IsStretch(text, i, run))
            {
                return i;
            }

            i += run;
        }

        return -1;
    }

    private static int RunAt(string text, int start)
    {
        var run = 1;
        while (start + run < text.Length && text[start + run] == text[start])
        {
            run++;
        }

        return run;
    }

    private static bool IsStretch(string text, int start, int run) =>
        run >= 3 && "аеиоуыэюя".Contains(text[start], StringComparison.Ordinal)
        && (start > 0 && char.IsLetter(text[start - 1]) || start + run < text.Length && char.IsLetter(text[start + run]));

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
