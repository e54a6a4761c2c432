using Mcu.Monitor.Text;

namespace Mcu.Monitor.Answers;

/// <summary>Small pieces of Russian grammar the answer rules share.</summary>
internal static class AnswerWords
{
    /// <summary>
    /// Endings of a short participle or a past-tense verb («выполнено», «заменены», «починили», «вывез»).
    /// Stems cannot tell «устранена» from «устранят», so a verb that must report finished work is checked by
    /// its ending: the future («устранят»), the present and the infinitive («устранить») end otherwise.
    /// </summary>
    private static readonly string[] PastEndings = ["н", "на", "но", "ны", "л", "ла", "ло", "ли", "з"];

    private static readonly HashSet<string> FutureMarkers = new(StringComparer.Ordinal)
    {
        "будет", "будут", "буду", "будем", "планируется", "планируются", "запланировано", "запланированы", "планирует", "планируем",
    };

    public static bool LooksPast(string surface) =>
        surface.Length > 3 && Array.Exists(PastEndings, e => surface.EndsWith(e, StringComparison.Ordinal));

    public static bool IsNegation(string surface) => surface is "не" or "ни";

    /// <summary>True when token <paramref name="index"/> directly follows «не»/«ни».</summary>
    public static bool IsNegated(IReadOnlyList<Token> tokens, int index) => index > 0 && IsNegation(tokens[index - 1].Surface);

    /// <summary>True when «будет», «будут», «планируется»… stands within two tokens before <paramref name="index"/>.</summary>
    public static bool IsPlanned(IReadOnlyList<Token> tokens, int index)
    {
        for (var i = Math.Max(0, index - 2); i < index; i++)
        {
            if (FutureMarkers.Contains(tokens[i].Surface))
            {
                return true;
            }
        }

        return false;
    }

    public static string Quote(string term) => $"«{term}»";

    public static string QuoteAll(IEnumerable<string> terms) => string.Join(", ", terms.Distinct(StringComparer.Ordinal).Select(Quote));
}
