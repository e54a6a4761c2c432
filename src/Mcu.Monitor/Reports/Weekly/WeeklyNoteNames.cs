using Mcu.Monitor.Classification;
using Mcu.Monitor.Localities;
using Mcu.Monitor.Routing;

namespace Mcu.Monitor.Reports.Weekly;

/// <summary>Display names of sectors, localities and recipients for the note; an id with no name shows as itself.</summary>
public sealed class WeeklyNoteNames(IReadOnlyDictionary<string, string> sectors, IReadOnlyDictionary<string, string> localities, IReadOnlyDictionary<string, string> recipients)
{
    public const string NoLocality = "населённый пункт не определён";

    public static WeeklyNoteNames From(ClassificationOptions classification, TerritoryOptions territory, RoutingOptions routing) => new(
        classification.Lexicon.Sectors.Where(s => s.Value.Name.Length > 0).ToDictionary(s => s.Key, s => s.Value.Name, StringComparer.Ordinal),
        territory.Localities.GroupBy(l => l.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal),
        routing.Recipients.GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal));

    public string Sector(string id) => id == "other" && !sectors.ContainsKey(id) ? "Прочее" : sectors.GetValueOrDefault(id, id);

    public string Locality(string? id) => id is null ? NoLocality : localities.GetValueOrDefault(id, id);

    public string Recipient(string id) => recipients.GetValueOrDefault(id, id);
}
