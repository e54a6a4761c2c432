using Mcu.Monitor.Text;

namespace Mcu.Monitor.Incidents;

/// <summary>
/// How alike two complaints are: the share of the shorter text's content stems (three letters or more, not a
/// stop word) found in the other — the overlap coefficient, so a short «у нас тоже нет воды» can match a long
/// post about the same outage. The shorter side counts as at least <see cref="MinWords"/> words, so two
/// two-word comments sharing one word are not «the same problem».
/// The store decides merges with <see cref="MergeDecision"/> (synonyms, generic words, place and number conflicts);
/// this first measure stays as the baseline the README compares it with.
/// </summary>
public static class TextSimilarity
{
    public const int MinWords = 4;

    private static readonly HashSet<string> StopStems = new(StringComparer.Ordinal)
    {
        "все", "это", "как", "так", "что", "чтобы", "для", "уже", "еще", "или", "нас", "вас", "они", "она", "оно", "его", "ее",
        "был", "быт", "буд", "есть", "нет", "там", "тут", "где", "когд", "пот", "тольк", "очен", "мен", "мне", "наш", "ваш",
        "здравств", "добр", "день", "уважа", "пожалуйст", "спасиб", "сегодн", "вчер", "опя", "снов", "тож", "сам", "сво",
    };

    /// <param name="a">One text.</param>
    /// <param name="b">The other.</param>
    /// <param name="ignored">Stems not to count, such as place names: two posts about one street share the street
    /// by definition (merging already requires the same locality), so it says nothing about the problem.</param>
    public static double Of(string a, string b, Func<string, bool>? ignored = null)
    {
        var left = Stems(a, ignored);
        var right = Stems(b, ignored);
        if (left.Count == 0 || right.Count == 0)
        {
            return 0;
        }

        var common = left.Count(right.Contains);
        return (double)common / Math.Max(MinWords, Math.Min(left.Count, right.Count));
    }

    private static HashSet<string> Stems(string text, Func<string, bool>? ignored) =>
        Tokenizer.Tokenize(TextNormalizer.ForMatching(text))
            .Select(t => t.Stem)
            .Where(s => s.Length >= 3 && !StopStems.Contains(s) && !s.All(char.IsDigit) && ignored?.Invoke(s) != true)
            .ToHashSet(StringComparer.Ordinal);
}
