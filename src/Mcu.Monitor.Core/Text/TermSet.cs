using System.Collections.Concurrent;

namespace Mcu.Monitor.Text;

/// <summary>
/// A compiled set of configured terms matched against tokenised text. A term is a word («отопление»),
/// a prefix ending in <c>*</c> («мусор*»), or a phrase of such parts («нет воды») that matches when all
/// its parts occur within <see cref="PhraseWindow"/> tokens of each other, in any order, because Russian
/// word order is free («холодные батареи» = «батареи холодные»). Words match by Snowball stem, so
/// «батареи», «батарей» and «батарея» are one term. Each term counts once per text.
/// </summary>
public sealed class TermSet<TTag>
{
    public const int PhraseWindow = 4;

    private readonly List<CompiledTerm> _terms = [];
    private readonly Dictionary<string, List<PartRef>> _byStem = new(StringComparer.Ordinal);
    private readonly List<(string Prefix, PartRef Ref)> _prefixes = [];
    private readonly ConcurrentDictionary<string, PartRef[]> _partsBySurface = new(StringComparer.Ordinal);

    public TermSet(IEnumerable<(string Term, TTag Tag)> terms)
    {
        foreach (var (term, tag) in terms)
        {
            Add(term, tag);
        }
    }

    public int Count => _terms.Count;

    public List<TermHit<TTag>> Match(IReadOnlyList<Token> tokens)
    {
        // positions[term][part] = token indexes where that part occurs
        Dictionary<int, List<int>[]>? positions = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            foreach (var part in PartsOf(tokens[i]))
            {
                positions ??= [];
                if (!positions.TryGetValue(part.Term, out var perPart))
                {
                    perPart = new List<int>[_terms[part.Term].PartCount];
                    positions[part.Term] = perPart;
                }

                (perPart[part.Part] ??= []).Add(i);
            }
        }

        var hits = new List<TermHit<TTag>>();
        if (positions is null)
        {
            return hits;
        }

        // in the order of the configured terms (a sort of the int keys: LINQ's OrderBy here was ~5% of the samples of a
        // profile of the classification benchmark)
        var termIndexes = new int[positions.Count];
        positions.Keys.CopyTo(termIndexes, 0);
        Array.Sort(termIndexes);
        foreach (var termIndex in termIndexes)
        {
            var first = FindOccurrence(positions[termIndex]);
            if (first >= 0)
            {
                var term = _terms[termIndex];
                hits.Add(new TermHit<TTag>(term.Display, term.Tag, tokens[first].Surface));
            }
        }

        return hits;
    }

    private PartRef[] PartsOf(Token token)
    {
        if (_partsBySurface.TryGetValue(token.Surface, out var cached))
        {
            return cached;
        }

        List<PartRef>? found = null;
        if (_byStem.TryGetValue(token.Stem, out var exact))
        {
            found = [.. exact];
        }

        foreach (var (prefix, partRef) in _prefixes)
        {
            if (token.Surface.StartsWith(prefix, StringComparison.Ordinal))
            {
                (found ??= []).Add(partRef);
            }
        }

        var result = found?.ToArray() ?? [];
        if (_partsBySurface.Count < 200_000)
        {
            _partsBySurface.TryAdd(token.Surface, result);
        }

        return result;
    }

    /// <summary>The token index of the first part of an occurrence of the whole term, or -1.</summary>
    private static int FindOccurrence(List<int>[] perPart)
    {
        if (Array.Exists(perPart, p => p is null))
        {
            return -1;
        }

        foreach (var anchor in perPart[0])
        {
            var all = true;
            for (var p = 1; p < perPart.Length && all; p++)
            {
                all = perPart[p].Exists(i => i != anchor && Math.Abs(i - anchor) <= PhraseWindow);
            }

            if (all)
            {
                return anchor;
            }
        }

        return -1;
    }

    private void Add(string term, TTag tag)
    {
        var words = Tokenizer.Tokenize(TextNormalizer.FoldCase(term.Trim()));
        var isPrefix = term.TrimEnd().EndsWith('*');
        if (words.Count == 0)
        {
            return;
        }

        var index = _terms.Count;
        _terms.Add(new CompiledTerm(term.Trim(), tag, words.Count));
        for (var p = 0; p < words.Count; p++)
        {
            var partRef = new PartRef(index, p);
            if (isPrefix && p == words.Count - 1)
            {
                _prefixes.Add((words[p].Surface, partRef));
            }
            else
            {
                if (!_byStem.TryGetValue(words[p].Stem, out var list))
                {
                    _byStem[words[p].Stem] = list = [];
                }

                list.Add(partRef);
            }
        }
    }

    private sealed record CompiledTerm(string Display, TTag Tag, int PartCount);

    private readonly record struct PartRef(int Term, int Part);
}
