using System.Text.Json;

namespace Mcu.Monitor.Tests.Deploy;

/// <summary>
/// The fields of one <c>deploy/elasticsearch/*-mappings.json</c> component template, flattened to their full
/// names (<c>sector_name</c>, <c>sector_name.text</c>), with whether Kibana can aggregate and search on each.
/// </summary>
internal sealed class FieldMapping
{
    // Types Elasticsearch aggregates on through doc values; text (and keyword with doc_values off) is not among them.
    private static readonly HashSet<string> AggregatableTypes = new(StringComparer.Ordinal)
    {
        "keyword", "constant_keyword", "boolean", "date", "date_nanos", "ip",
        "long", "integer", "short", "byte", "double", "float", "half_float", "scaled_float", "unsigned_long",
    };

    private readonly Dictionary<string, Field> _fields = new(StringComparer.Ordinal);

    private FieldMapping(string file) => File = file;

    public string File { get; }

    public IReadOnlyDictionary<string, Field> Fields => _fields;

    public static FieldMapping Load(string path)
    {
        using var document = JsonDocument.Parse(System.IO.File.ReadAllText(path));
        var mapping = new FieldMapping(Path.GetFileName(path));
        var properties = document.RootElement.GetProperty("template").GetProperty("mappings").GetProperty("properties");
        mapping.Add(properties, "");
        return mapping;
    }

    public Field? Find(string name) => _fields.GetValueOrDefault(name);

    private void Add(JsonElement properties, string prefix)
    {
        foreach (var property in properties.EnumerateObject())
        {
            var name = prefix + property.Name;
            var definition = property.Value;
            if (definition.TryGetProperty("properties", out var children))
            {
                Add(children, name + ".");
                continue;
            }

            AddField(name, definition);
            if (definition.TryGetProperty("fields", out var subfields))
            {
                foreach (var subfield in subfields.EnumerateObject())
                {
                    AddField(name + "." + subfield.Name, subfield.Value);
                }
            }
        }
    }

    private void AddField(string name, JsonElement definition)
    {
        var type = definition.TryGetProperty("type", out var t) ? t.GetString() ?? "object" : "object";
        var docValues = !definition.TryGetProperty("doc_values", out var dv) || dv.ValueKind != JsonValueKind.False;
        var indexed = !definition.TryGetProperty("index", out var index) || index.ValueKind != JsonValueKind.False;
        _fields[name] = new Field(name, type, AggregatableTypes.Contains(type) && docValues, indexed);
    }

    public sealed record Field(string Name, string Type, bool Aggregatable, bool Searchable);
}
