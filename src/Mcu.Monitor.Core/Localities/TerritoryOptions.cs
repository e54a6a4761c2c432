namespace Mcu.Monitor.Localities;

/// <summary>
/// The gazetteer of the municipality (section <c>Territory</c>, shipped in <c>territory.json</c>). The marker
/// lists default to null and their defaults live in the <c>Effective…</c> properties, because the
/// configuration binder appends configured items to a pre-filled list instead of replacing it.
/// </summary>
public sealed class TerritoryOptions
{
    public const string SectionName = "Territory";

    public List<LocalityOptions> Localities { get; set; } = [];

    /// <summary>Words before a settlement name that make a marked alias count. Default «с», «село», «хутор», «п», «д» and their forms.</summary>
    public List<string>? SettlementMarkers { get; set; }

    /// <summary>Words before or after a street name. Default «ул», «улица», «пер», «пр», «пл», «площадь», «мкр» and their forms.</summary>
    public List<string>? StreetMarkers { get; set; }

    /// <summary>
    /// Prepositions that make a street name count when they stand right before it («на Слободской»). Street
    /// names that are also everyday words («Школьная», «Мира») are better left out of the gazetteer. Default «на».
    /// </summary>
    public List<string>? StreetPrepositions { get; set; }

    public IReadOnlyList<string> EffectiveSettlementMarkers =>
        SettlementMarkers ?? ["с", "село", "селе", "села", "селом", "х", "хутор", "хуторе", "п", "пос", "поселок", "поселке", "д", "деревня", "деревне"];

    public IReadOnlyList<string> EffectiveStreetMarkers =>
        StreetMarkers ?? ["ул", "улица", "улице", "улицы", "улицу", "улицей", "пер", "переулок", "переулке", "пр", "проспект", "проспекте", "пл", "площадь", "площади", "мкр", "микрорайон", "микрорайоне"];

    public IReadOnlyList<string> EffectiveStreetPrepositions => StreetPrepositions ?? ["на"];
}
