using Mcu.Monitor.Domain;
using Mcu.Monitor.Localities;
using Mcu.Monitor.Text;

namespace Mcu.Monitor.Incidents;

/// <summary>
/// Whether an appeal is the same problem as an open incident (issue #6) — one transparent, deterministic rule, used by the
/// store and measured by the quality test on the team's labelled pairs, so the test measures exactly what the store does:
/// <list type="number">
/// <item>another detected locality, or another classified sector, is another problem — except that a side with no
/// locality, or classified <c>other</c> (no sector terms found), stands in for any, at the stricter
/// <see cref="IncidentMergeOptions.MinSimilarityWildcard"/>;</item>
/// <item>if each side names a place the other does not («Мостовая» and «Никольская», both in the town), or each names
/// house, school or route numbers and none is shared («Пушкина 3» and «Пушкина 13»), it is another object;</item>
/// <item>otherwise the texts must share at least <see cref="IncidentMergeOptions.MinSharedWords"/> content words and be
/// at least <see cref="IncidentMergeOptions.MinSimilarity"/> alike (<see cref="Similarity"/>).</item>
/// </list>
/// Thread-safe after construction.
/// </summary>
public sealed class MergeDecision
{
    /// <summary>The shorter text counts as at least this many words, so two short texts sharing one word are not alike.</summary>
    public const int MinWords = 4;

    /// <summary>Stems sharing this many first letters are one word («раскопали» and «раскопка», «сосульки» and «сосули»).</summary>
    public const int SharedPrefix = 5;

    /// <summary>Place-name stems sharing this many first letters are one place («Иловка» and «Иловский»).</summary>
    private const int PlacePrefix = 4;

    /// <summary>Words before a number that make it an object's number: «Гагарина 5», «дом 5», «школа №3», «маршрут 1».</summary>
    private static readonly string[] NumberNouns = ["д", "дом", "школа", "маршрут", "корпус"];

    private readonly IncidentMergeOptions _options;
    private readonly Func<string, bool> _placeWords;
    private readonly HashSet<string> _generic;
    private readonly HashSet<string> _markers;
    private readonly HashSet<string> _numberNouns;
    private readonly Dictionary<string, string> _concepts = new(StringComparer.Ordinal);

    /// <param name="options">Thresholds and word lists.</param>
    /// <param name="placeWords">True for the stem of a place name or a place marker (<see cref="LocalityDetector.IsPlaceWord"/>).</param>
    public MergeDecision(IncidentMergeOptions options, Func<string, bool>? placeWords = null)
    {
        _options = options;
        _placeWords = placeWords ?? (_ => false);
        _generic = options.EffectiveGenericWords.SelectMany(StemsOf).ToHashSet(StringComparer.Ordinal);
        _numberNouns = NumberNouns.SelectMany(StemsOf).ToHashSet(StringComparer.Ordinal);

        // «ул», «село» are place words too, but name no place: the default markers of the territory are left out.
        var territory = new TerritoryOptions();
        _markers = territory.EffectiveSettlementMarkers.Concat(territory.EffectiveStreetMarkers).SelectMany(StemsOf).ToHashSet(StringComparer.Ordinal);

        foreach (var group in options.EffectiveSynonyms)
        {
            var stems = StemsOf(group).Where(s => !_generic.Contains(s)).ToList();
            foreach (var stem in stems)
            {
                _concepts.TryAdd(stem, stems[0]);
            }
        }
    }

    /// <summary>Decides whether <paramref name="appeal"/> joins the incident opened by <paramref name="incident"/>.</summary>
    public MergeVerdict Decide(MergeSide appeal, MergeSide incident) => Decide(appeal, Profile(appeal.Text), incident, Profile(incident.Text));

    /// <summary>The same, with the appeal's text read once for all candidates.</summary>
    public MergeVerdict Decide(MergeSide appeal, TextProfile appealText, MergeSide incident, TextProfile incidentText)
    {
        var wildcard = false;
        if (!string.Equals(appeal.LocalityId, incident.LocalityId, StringComparison.Ordinal))
        {
            if (appeal.LocalityId is not null && incident.LocalityId is not null)
            {
                return new(false, 0, "другой населённый пункт");
            }

            wildcard = true;
        }

        if (!string.Equals(appeal.Sector, incident.Sector, StringComparison.Ordinal))
        {
            if (appeal.Sector != Sectors.Other && incident.Sector != Sectors.Other)
            {
                return new(false, 0, "другая отрасль");
            }

            wildcard = true;
        }

        if (EachHasItsOwn(appealText.Places, incidentText.Places, PlacePrefix))
        {
            return new(false, 0, "названо другое место");
        }

        if (appealText.Numbers.Count > 0 && incidentText.Numbers.Count > 0 && !appealText.Numbers.Overlaps(incidentText.Numbers))
        {
            return new(false, 0, "другой номер дома, школы или маршрута");
        }

        var shared = SharedWords(appealText, incidentText);
        var similarity = Ratio(shared, appealText, incidentText);
        var needed = wildcard ? _options.MinSimilarityWildcard : _options.MinSimilarity;
        var merge = shared >= _options.MinSharedWords && similarity >= needed;
        var reason = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"общих слов {shared} (нужно {_options.MinSharedWords}), сходство {similarity:0.00} (нужно {needed:0.00}{(wildcard ? ": отрасль или место определены у одной стороны" : "")})");
        return new(merge, similarity, reason);
    }

    /// <summary>
    /// How alike two texts are: the share of the shorter text's content words (not generic, not a place, synonyms as
    /// one word, stems sharing <see cref="SharedPrefix"/> letters as one) found in the other — the overlap coefficient,
    /// so a short «у нас тоже нет воды» can match a long post about the same outage; the shorter side counts as at
    /// least <see cref="MinWords"/> words.
    /// </summary>
    public static double Similarity(TextProfile a, TextProfile b) => Ratio(SharedWords(a, b), a, b);

    private static double Ratio(int shared, TextProfile a, TextProfile b) =>
        (double)shared / Math.Max(MinWords, Math.Min(a.Words.Count, b.Words.Count));

    /// <summary>How many of the shorter text's content words the other has (equal, synonyms, or <see cref="SharedPrefix"/> first letters).</summary>
    public static int SharedWords(TextProfile a, TextProfile b)
    {
        var (shorter, longer) = a.Words.Count <= b.Words.Count ? (a.Words, b.Words) : (b.Words, a.Words);
        return shorter.Count(w => longer.Contains(w) || longer.Any(o => SharePrefix(w, o, SharedPrefix)));
    }

    /// <summary>Reads a text once: its content words, the places it names and its objects' numbers.</summary>
    public TextProfile Profile(string text)
    {
        var tokens = Tokenizer.Tokenize(TextNormalizer.ForMatching(text));
        var words = new HashSet<string>(StringComparer.Ordinal);
        var places = new HashSet<string>(StringComparer.Ordinal);
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            var (surface, stem) = (tokens[i].Surface, tokens[i].Stem);
            if (stem.All(char.IsDigit))
            {
                if (i > 0 && (IsPlaceName(tokens[i - 1].Stem) || _numberNouns.Contains(tokens[i - 1].Stem)))
                {
                    numbers.Add(stem.TrimStart('0'));
                }
            }
            else if (_placeWords(stem))
            {
                if (IsPlaceName(stem))
                {
                    places.Add(stem);
                }
            }
            else if ((surface.Length >= 3 || _concepts.ContainsKey(stem)) && !_generic.Contains(stem))
            {
                words.Add(_concepts.GetValueOrDefault(stem, stem));
            }
        }

        return new TextProfile(words, places, numbers);
    }

    private bool IsPlaceName(string stem) => stem.Length >= 3 && _placeWords(stem) && !_markers.Contains(stem);

    /// <summary>True when each set holds something the other does not match: «Мостовая» against «Никольская».</summary>
    private static bool EachHasItsOwn(IReadOnlySet<string> a, IReadOnlySet<string> b, int prefix) =>
        a.Any(x => !b.Any(y => SharePrefix(x, y, prefix))) && b.Any(y => !a.Any(x => SharePrefix(x, y, prefix)));

    private static bool SharePrefix(string a, string b, int length) =>
        string.Equals(a, b, StringComparison.Ordinal)
        || (a.Length >= length && b.Length >= length && a.AsSpan(0, length).SequenceEqual(b.AsSpan(0, length)));

    private static IEnumerable<string> StemsOf(string words) =>
        Tokenizer.Tokenize(TextNormalizer.ForMatching(words)).Select(t => t.Stem);
}
