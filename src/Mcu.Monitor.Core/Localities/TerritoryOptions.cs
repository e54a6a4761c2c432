namespace Mcu.Monitor.Localities;

/// <summary>The gazetteer of the municipality (section <c>Territory</c>, shipped in <c>territory.json</c>).</summary>
public sealed class TerritoryOptions
{
    public const string SectionName = "Territory";

    public List<LocalityOptions> Localities { get; set; } = [];

    /// <summary>Words before a settlement name that make a marked alias count: «с», «село», «хутор».</summary>
    public List<string> SettlementMarkers { get; set; } = ["с", "село", "селе", "села", "селом", "х", "хутор", "хуторе", "п", "пос", "поселок", "поселке", "д", "деревня", "деревне"];

    /// <summary>
    /// Words next to a street name: «ул», «улица», «пер», «площадь», «мкр», and «на» («на Слободской»), so
    /// street names that are also everyday adjectives («Школьная») are better left out of the gazetteer.
    /// </summary>
    public List<string> StreetMarkers { get; set; } = ["на", "ул", "улица", "улице", "улицы", "улицу", "улицей", "пер", "переулок", "переулке", "пр", "проспект", "проспекте", "пл", "площадь", "площади", "мкр", "микрорайон", "микрорайоне"];
}
