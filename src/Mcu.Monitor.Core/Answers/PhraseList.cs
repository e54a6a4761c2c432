using Mcu.Monitor.Text;

namespace Mcu.Monitor.Answers;

/// <summary>
/// Phrases matched in order on consecutive tokens, each word by Snowball stem (a last word ending in <c>*</c>
/// by prefix). <see cref="TermSet{TTag}"/> lets a phrase's words stand in any order within four tokens, which is
/// right for topics but wrong where a negation decides the meaning; this list is for those places.
/// </summary>
internal sealed class PhraseList
{
    private readonly List<(string Display, PhraseWord[] Words)> _phrases = [];

    public PhraseList(IEnumerable<string> phrases)
    {
        foreach (var phrase in phrases)
        {
            var words = Tokenizer.Tokenize(TextNormalizer.FoldCase(phrase.Trim()));
            if (words.Count == 0)
            {
                continue;
            }

            var isPrefix = phrase.TrimEnd().EndsWith('*');
            _phrases.Add((phrase.Trim(), words
                .Select((w, i) => isPrefix && i == words.Count - 1 ? new PhraseWord(w.Surface, true) : new PhraseWord(w.Stem, false))
                .ToArray()));
        }
    }

    /// <summary>Every occurrence, by position and then by the configured order of the phrases.</summary>
    public List<PhraseMatch> Matches(IReadOnlyList<Token> tokens)
    {
        var matches = new List<PhraseMatch>();
        for (var start = 0; start < tokens.Count; start++)
        {
            foreach (var (display, words) in _phrases)
            {
                if (start + words.Length <= tokens.Count && MatchesAt(words, tokens, start))
                {
                    matches.Add(new PhraseMatch(display, start, words.Length));
                }
            }
        }

        return matches;
    }

    private static bool MatchesAt(PhraseWord[] words, IReadOnlyList<Token> tokens, int start)
    {
        for (var i = 0; i < words.Length; i++)
        {
            var token = tokens[start + i];
            var matches = words[i].IsPrefix
                ? token.Surface.StartsWith(words[i].Value, StringComparison.Ordinal)
                : token.Stem == words[i].Value;
            if (!matches)
            {
                return false;
            }
        }

        return true;
    }

    private readonly record struct PhraseWord(string Value, bool IsPrefix);
}
