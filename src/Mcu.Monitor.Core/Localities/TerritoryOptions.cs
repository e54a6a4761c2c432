namespace Mcu.Monitor.Localities;

/// <summary>The gazetteer of the municipality (section <c>Territory</c>, shipped in <c>territory.json</c>).</summary>
public sealed class TerritoryOptions
{
    public const string SectionName = "Territory";

    public List<LocalityOptions> Localities { get; set; } = [];

    /// <summary>Words before a settlement name that make a marked alias count: «с», «село», «хутор».</summary>
    public List<string> SettlementMarkers { get; set; } = ["с", "село", "селе", "села", "селом", "х", "хутор", "хуторе", "п", "пос", "поселок", "поселке", "д", "деревня", "деревне"];

    /// <summary>Words before or after a street name: «ул», «улица», «пер», «площадь», «мкр».</summary>
    /// <summary>
    /// Prepositions that make a street name count when they stand right before it («на Слободской»). Street
    /// names that are also everyday words («Школьная», «Мира») are better left out of the gazetteer.
    /// </summary>
    public List<string> StreetPrepositions { get; set; } = ["на"];

    public List<string> StreetMarkers { get; set; } = ["ул", "улица", "улице", "улицы", "улицу", "улицей", "пер", "переулок", "переулке", "пр", "проспект", "проспекте", "пл", "площадь", "площади", "мкр", "микрорайон", "микрорайоне"];
}
