using Mcu.Monitor.Domain;
using Mcu.Monitor.Text;

namespace Mcu.Monitor.Localities;

/// <summary>
/// Finds the locality a post is about from the configured gazetteer. Names match by Snowball stem, so
/// «в Иловке», «Иловка» and «Иловское поселение» are one place; names that are ordinary words need a
/// settlement marker, street names a street marker. The first settlement named in the text wins; a street
/// counts only when no settlement is named, because village streets share names with the town's
/// («на Мостовой в Иловке» is in Иловка).
/// </summary>
public sealed class LocalityDetector
{
    private readonly Dictionary<string, List<Entry>> _byFirstStem = new(StringComparer.Ordinal);
    private readonly HashSet<string> _settlementMarkers;
    private readonly HashSet<string> _streetMarkers;
    private readonly HashSet<string> _streetPrepositions;
    private readonly HashSet<string> _allStems = new(StringComparer.Ordinal);

    public LocalityDetector(TerritoryOptions options)
    {
        _settlementMarkers = options.EffectiveSettlementMarkers.Select(TextNormalizer.FoldCase).ToHashSet(StringComparer.Ordinal);
        _streetMarkers = options.EffectiveStreetMarkers.Select(TextNormalizer.FoldCase).ToHashSet(StringComparer.Ordinal);
        _streetPrepositions = options.EffectiveStreetPrepositions.Select(TextNormalizer.FoldCase).ToHashSet(StringComparer.Ordinal);
        foreach (var locality in options.Localities)
        {
            foreach (var alias in locality.Aliases) Add(locality, alias, EntryKind.Name);
            foreach (var alias in locality.MarkedAliases) Add(locality, alias, EntryKind.MarkedName);
            foreach (var street in locality.Streets) Add(locality, street, EntryKind.Street);
        }
    }

    /// <summary>True for the stem of a place name, a street name or a marker («ул», «село»).</summary>
    public bool IsPlaceWord(string stem) =>
        _byFirstStem.ContainsKey(stem) || _allStems.Contains(stem) || _settlementMarkers.Contains(stem) || _streetMarkers.Contains(stem);

    public LocalityMatch? Detect(string text) => Detect(Tokenizer.Tokenize(TextNormalizer.ForMatching(text)));

    public LocalityMatch? Detect(IReadOnlyList<Token> tokens)
    {
        LocalityMatch? firstStreet = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!_byFirstStem.TryGetValue(tokens[i].Stem, out var entries))
            {
                continue;
            }

            foreach (var entry in entries)
            {
                if (!Matches(entry, tokens, i))
                {
                    continue;
                }

                var matched = new LocalityMatch(entry.Locality.Id, entry.Locality.Name, string.Join(' ', tokens.Skip(i).Take(entry.Stems.Length).Select(t => t.Surface)));
                if (entry.Kind != EntryKind.Street)
                {
                    return matched;
                }

                firstStreet ??= matched;
            }
        }

        return firstStreet;
    }

    private bool Matches(Entry entry, IReadOnlyList<Token> tokens, int start)
    {
        var end = start + entry.Stems.Length;
        if (end > tokens.Count)
        {
            return false;
        }

        for (var k = 1; k < entry.Stems.Length; k++)
        {
            if (!string.Equals(tokens[start + k].Stem, entry.Stems[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        var before = start > 0 ? tokens[start - 1].Surface : null;
        var after = end < tokens.Count ? tokens[end].Surface : null;
        return entry.Kind switch
        {
            EntryKind.Name => true,
            EntryKind.MarkedName => before is not null && _settlementMarkers.Contains(before),
            EntryKind.Street => (before is not null && (_streetMarkers.Contains(before) || _streetPrepositions.Contains(before)))
                || (after is not null && _streetMarkers.Contains(after)),
            _ => false,
        };
    }

    private void Add(LocalityOptions locality, string name, EntryKind kind)
    {
        var stems = Tokenizer.Tokenize(TextNormalizer.FoldCase(name)).Select(t => t.Stem).ToArray();
        _allStems.UnionWith(stems);
        if (stems.Length == 0)
        {
            return;
        }

        if (!_byFirstStem.TryGetValue(stems[0], out var list))
        {
            _byFirstStem[stems[0]] = list = [];
        }

        // Longer names first, so «Батрацкая Дача» wins over a shorter alias with the same first word.
        list.Add(new Entry(locality, stems, kind));
        list.Sort((a, b) => b.Stems.Length.CompareTo(a.Stems.Length));
    }

    private enum EntryKind
    {
        Name,
        MarkedName,
        Street,
    }

    private sealed record Entry(LocalityOptions Locality, string[] Stems, EntryKind Kind);
}
