using System.Text.Json;
using System.Text.RegularExpressions;

namespace Mcu.Monitor.Tests.Deploy;

/// <summary>
/// Offline checks of Kibana saved objects (ELASTIC.md §4.5, after elastic/package-spec SVR00003 "dangling object
/// ids"): each check returns every problem found, as <c>file:line type id: what is wrong</c>, so one test run
/// lists them all. Field checks read the component templates the indexer installs, so a visualisation that
/// charts a field the index does not have, or a text field Elasticsearch cannot aggregate, fails here instead
/// of in front of the monitoring officer.
/// </summary>
internal static partial class SavedObjectsValidator
{
    /// <summary>
    /// <c>coreMigrationVersion</c> and <c>typeMigrationVersion</c> per type: the values Kibana's own sample data
    /// carries on its main branch (elastic/kibana …/sample_data/data_sets/ecommerce/saved_objects.ts; Lens 8.9.0 as
    /// 8.9+ exports carry). Kibana 9 migrates them up on import; a version newer than the target Kibana is refused,
    /// so these must never be raised above what Kibana 9.0 knows (ELASTIC.md §4.3).
    /// </summary>
    public const string CoreMigrationVersion = "8.8.0";

    public static readonly IReadOnlyDictionary<string, string> TypeMigrationVersions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["index-pattern"] = "7.11.0",
        ["lens"] = "8.9.0",
        ["dashboard"] = "8.7.0",
        ["search"] = "7.9.3",
    };

    private const string LayerReferencePrefix = "indexpattern-datasource-layer-";
    private const string SearchIndexReference = "kibanaSavedObjectMeta.searchSourceJSON.index";
    private const string Records = "___records___";

    private static readonly string[] StringEncodedAttributes =
        ["panelsJSON", "optionsJSON", "fieldFormatMap", "fieldAttrs", "runtimeFieldMap", "fields", "sourceFilters", "typeMeta", "uiStateJSON", "visState"];

    private static readonly HashSet<string> NumericTypes = new(StringComparer.Ordinal)
    {
        "long", "integer", "short", "byte", "double", "float", "half_float", "scaled_float", "unsigned_long",
    };

    private static readonly HashSet<string> NumericOperations = new(StringComparer.Ordinal)
    {
        "sum", "average", "median", "percentile", "percentile_rank", "standard_deviation", "range",
    };

    /// <summary>Reads every line of every <c>*.ndjson</c> in <paramref name="directory"/>; lines that are not saved objects are problems.</summary>
    public static (List<SavedObject> Objects, List<string> Problems) Load(string directory)
    {
        var objects = new List<SavedObject>();
        var problems = new List<string>();
        foreach (var path in Directory.GetFiles(directory, "*.ndjson").Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileName(path);
            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                if (string.IsNullOrWhiteSpace(lines[i]))
                {
                    continue;
                }

                JsonElement root;
                try
                {
                    using var document = JsonDocument.Parse(lines[i]);
                    root = document.RootElement.Clone();
                }
                catch (JsonException ex)
                {
                    problems.Add($"{file}:{i + 1}: not JSON: {ex.Message}");
                    continue;
                }

                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("exportedCount", out _))
                {
                    continue; // an export's summary line, which Kibana's import skips as well
                }

                var type = SavedObject.Text(root, "type");
                var id = SavedObject.Text(root, "id");
                if (root.ValueKind != JsonValueKind.Object || type.Length == 0 || id.Length == 0
                    || !root.TryGetProperty("attributes", out var attributes) || attributes.ValueKind != JsonValueKind.Object
                    || !root.TryGetProperty("references", out var references) || references.ValueKind != JsonValueKind.Array)
                {
                    problems.Add($"{file}:{i + 1}: not a saved object (a JSON object with string type and id, object attributes, array references)");
                    continue;
                }

                objects.Add(new SavedObject(file, i + 1, type, id, root));
            }
        }

        return (objects, problems);
    }

    /// <summary>Unique ids, the versions Kibana 9 imports, and string-encoded attributes that parse.</summary>
    public static List<string> CheckObjects(IReadOnlyList<SavedObject> objects)
    {
        var problems = new List<string>();
        foreach (var duplicate in objects.GroupBy(o => o.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"id {duplicate.Key} is used {duplicate.Count()} times: {string.Join(", ", duplicate.Select(o => o.Where))}");
        }

        foreach (var o in objects)
        {
            if (SavedObject.Text(o.Root, "coreMigrationVersion") != CoreMigrationVersion)
            {
                problems.Add($"{o.Where}: coreMigrationVersion must be {CoreMigrationVersion}");
            }

            if (!TypeMigrationVersions.TryGetValue(o.Type, out var version))
            {
                problems.Add($"{o.Where}: type {o.Type} is not one this project validates ({string.Join(", ", TypeMigrationVersions.Keys)})");
            }
            else if (SavedObject.Text(o.Root, "typeMigrationVersion") != version)
            {
                problems.Add($"{o.Where}: typeMigrationVersion must be {version}");
            }

            if (string.IsNullOrWhiteSpace(o.Title))
            {
                problems.Add($"{o.Where}: no title");
            }

            foreach (var name in StringEncodedAttributes)
            {
                if (o.Attributes.TryGetProperty(name, out var value))
                {
                    CheckEncoded(problems, o, name, value);
                }
            }

            if (o.Attributes.TryGetProperty("kibanaSavedObjectMeta", out var meta) && meta.TryGetProperty("searchSourceJSON", out var source))
            {
                CheckEncoded(problems, o, "kibanaSavedObjectMeta.searchSourceJSON", source);
            }
        }

        return problems;
    }

    /// <summary>Every reference names an object of that type and id in the files.</summary>
    public static List<string> CheckReferences(IReadOnlyList<SavedObject> objects)
    {
        var known = objects.Select(o => (o.Type, o.Id)).ToHashSet();
        var problems = new List<string>();
        foreach (var o in objects)
        {
            foreach (var (type, id, name) in o.References)
            {
                if (!known.Contains((type, id)))
                {
                    problems.Add($"{o.Where}: reference {name} → {type} {id} is not in the files");
                }
            }
        }

        return problems;
    }

    /// <summary>Each data view's pattern has a mapping file, and its time field is a date there.</summary>
    public static List<string> CheckDataViews(IReadOnlyList<SavedObject> objects, Func<string, FieldMapping?> mappingFor)
    {
        var problems = new List<string>();
        foreach (var o in objects.Where(o => o.Type == "index-pattern"))
        {
            var pattern = o.Title ?? "";
            var mapping = mappingFor(pattern);
            if (mapping is null)
            {
                problems.Add($"{o.Where}: no mapping file for the pattern '{pattern}'");
                continue;
            }

            var timeField = SavedObject.Text(o.Attributes, "timeFieldName");
            var field = mapping.Find(timeField);
            if (field?.Type is not ("date" or "date_nanos"))
            {
                problems.Add($"{o.Where}: time field '{timeField}' is not a date in {mapping.File} ({field?.Type ?? "missing"})");
            }
        }

        return problems;
    }

    /// <summary>
    /// Every field a Lens visualisation or a saved search uses exists in the mapping of the data view it reads,
    /// aggregatable where it is aggregated or sorted on, and every field a KQL query names exists and is searchable.
    /// </summary>
    public static List<string> CheckFields(IReadOnlyList<SavedObject> objects, Func<string, FieldMapping?> mappingFor)
    {
        var problems = new List<string>();
        var dataViews = objects.Where(o => o.Type == "index-pattern").ToDictionary(o => o.Id, o => o.Title ?? "", StringComparer.Ordinal);
        FieldMapping? MappingOf(string dataViewId) => dataViews.TryGetValue(dataViewId, out var title) ? mappingFor(title) : null;

        foreach (var o in objects)
        {
            switch (o.Type)
            {
                case "lens":
                    CheckLens(problems, o.Where, o.Attributes, o.References.ToList(), MappingOf);
                    break;
                case "search":
                    CheckSearch(problems, o, MappingOf);
                    break;
                case "dashboard":
                    foreach (var (panelIndex, panel) in Panels(o))
                    {
                        // A by-value Lens panel carries its attributes and references inside the panel.
                        if (panel.TryGetProperty("embeddableConfig", out var config) && config.TryGetProperty("attributes", out var attributes))
                        {
                            var references = attributes.TryGetProperty("references", out var r) && r.ValueKind == JsonValueKind.Array
                                ? r.EnumerateArray().Select(x => (SavedObject.Text(x, "type"), SavedObject.Text(x, "id"), SavedObject.Text(x, "name"))).ToList()
                                : [];
                            CheckLens(problems, $"{o.Where} panel {panelIndex}", attributes, references, MappingOf);
                        }
                    }

                    break;
            }
        }

        return problems;
    }

    /// <summary>Panels fit the 48-column grid, have unique indices, and each by-reference panel has its reference.</summary>
    public static List<string> CheckDashboards(IReadOnlyList<SavedObject> objects)
    {
        var problems = new List<string>();
        foreach (var o in objects.Where(o => o.Type == "dashboard"))
        {
            var references = o.References.ToDictionary(r => r.Name, r => r, StringComparer.Ordinal);
            var panels = Panels(o).ToList();
            if (panels.Count == 0)
            {
                problems.Add($"{o.Where}: no panels");
            }

            foreach (var duplicate in panels.GroupBy(p => p.Index, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                problems.Add($"{o.Where}: panelIndex {duplicate.Key} is used {duplicate.Count()} times");
            }

            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (index, panel) in panels)
            {
                var grid = panel.TryGetProperty("gridData", out var g) ? g : default;
                if (grid.ValueKind != JsonValueKind.Object || !(grid.TryGetProperty("x", out var x) && grid.TryGetProperty("w", out var w)
                    && grid.TryGetProperty("y", out _) && grid.TryGetProperty("h", out _)) || x.GetInt32() + w.GetInt32() > 48)
                {
                    problems.Add($"{o.Where} panel {index}: gridData missing or wider than the 48-column grid");
                }

                var type = SavedObject.Text(panel, "type");
                var refName = SavedObject.Text(panel, "panelRefName");
                if (refName.Length > 0)
                {
                    var name = $"{index}:{refName}";
                    used.Add(name);
                    if (!references.TryGetValue(name, out var reference))
                    {
                        problems.Add($"{o.Where} panel {index}: panelRefName {refName} has no reference named {name}");
                    }
                    else if (reference.Type != type)
                    {
                        problems.Add($"{o.Where} panel {index}: panel type {type} but reference {name} is a {reference.Type}");
                    }
                }
                else if (!(panel.TryGetProperty("embeddableConfig", out var config) && config.TryGetProperty("attributes", out _)))
                {
                    problems.Add($"{o.Where} panel {index}: neither a panelRefName nor by-value attributes");
                }
            }

            foreach (var dangling in references.Keys.Where(n => n.Contains(":panel_", StringComparison.Ordinal) && !used.Contains(n)))
            {
                problems.Add($"{o.Where}: reference {dangling} belongs to no panel");
            }
        }

        return problems;
    }

    /// <summary>Field names a KQL query compares: <c>status:(A or B)</c>, <c>due_at &lt; now</c>, <c>appeal:true</c>.</summary>
    public static IEnumerable<string> KqlFields(string query) =>
        KqlField().Matches(query).Select(m => m.Groups["field"].Value).Distinct(StringComparer.Ordinal);

    private static void CheckLens(
        List<string> problems, string where, JsonElement attributes, List<(string Type, string Id, string Name)> references, Func<string, FieldMapping?> mappingOf)
    {
        var state = attributes.TryGetProperty("state", out var s) ? s : default;
        var layers = state.ValueKind == JsonValueKind.Object && state.TryGetProperty("datasourceStates", out var ds)
            && ds.TryGetProperty("formBased", out var fb) && fb.TryGetProperty("layers", out var l) && l.ValueKind == JsonValueKind.Object
                ? l.EnumerateObject().ToList()
                : [];
        if (layers.Count == 0)
        {
            problems.Add($"{where}: a Lens visualisation without formBased layers");
            return;
        }

        var layerReferences = references.Where(r => r.Name.StartsWith(LayerReferencePrefix, StringComparison.Ordinal)).ToList();
        foreach (var orphan in layerReferences.Where(r => layers.All(layer => LayerReferencePrefix + layer.Name != r.Name)))
        {
            problems.Add($"{where}: reference {orphan.Name} names no layer");
        }

        FieldMapping? stateMapping = null;
        foreach (var layer in layers)
        {
            var reference = layerReferences.FirstOrDefault(r => r.Name == LayerReferencePrefix + layer.Name);
            if (reference.Type != "index-pattern")
            {
                problems.Add($"{where}: layer {layer.Name} has no index-pattern reference named {LayerReferencePrefix}{layer.Name}");
                continue;
            }

            var mapping = mappingOf(reference.Id);
            if (mapping is null)
            {
                problems.Add($"{where}: layer {layer.Name} reads data view {reference.Id}, which is not in the files or has no mapping file");
                continue;
            }

            stateMapping ??= mapping;
            var columns = layer.Value.TryGetProperty("columns", out var c) && c.ValueKind == JsonValueKind.Object ? c.EnumerateObject().ToList() : [];
            if (columns.Count == 0)
            {
                problems.Add($"{where}: layer {layer.Name} has no columns");
            }

            foreach (var column in columns)
            {
                var at = $"{where} column {column.Name}";
                var operation = SavedObject.Text(column.Value, "operationType");
                var sourceField = SavedObject.Text(column.Value, "sourceField");
                if (sourceField.Length > 0 && sourceField != Records)
                {
                    CheckAggregated(problems, at, mapping, sourceField, operation);
                }

                if (column.Value.TryGetProperty("filter", out var filter))
                {
                    CheckKql(problems, at, mapping, SavedObject.Text(filter, "query"));
                }

                if (column.Value.TryGetProperty("params", out var parameters) && parameters.TryGetProperty("filters", out var filters)
                    && filters.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in filters.EnumerateArray())
                    {
                        CheckKql(problems, at, mapping, item.TryGetProperty("input", out var input) ? SavedObject.Text(input, "query") : "");
                    }
                }
            }
        }

        if (stateMapping is not null && state.TryGetProperty("query", out var query))
        {
            CheckKql(problems, $"{where} query", stateMapping, SavedObject.Text(query, "query"));
        }

        if (stateMapping is not null && state.TryGetProperty("filters", out var stateFilters) && stateFilters.ValueKind == JsonValueKind.Array)
        {
            foreach (var filter in stateFilters.EnumerateArray())
            {
                var key = filter.TryGetProperty("meta", out var meta) ? SavedObject.Text(meta, "key") : "";
                if (key.Length > 0 && stateMapping.Find(key) is null)
                {
                    problems.Add($"{where} filter: field '{key}' is not in {stateMapping.File}");
                }
            }
        }
    }

    private static void CheckSearch(List<string> problems, SavedObject o, Func<string, FieldMapping?> mappingOf)
    {
        var reference = o.References.FirstOrDefault(r => r.Name == SearchIndexReference);
        var mapping = reference.Type == "index-pattern" ? mappingOf(reference.Id) : null;
        if (mapping is null)
        {
            problems.Add($"{o.Where}: no index-pattern reference {SearchIndexReference} to a data view with a mapping file");
            return;
        }

        if (o.Attributes.TryGetProperty("columns", out var columns) && columns.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in columns.EnumerateArray().Select(c => c.GetString() ?? ""))
            {
                if (mapping.Find(name) is null)
                {
                    problems.Add($"{o.Where} column: field '{name}' is not in {mapping.File}");
                }
            }
        }

        if (o.Attributes.TryGetProperty("sort", out var sort) && sort.ValueKind == JsonValueKind.Array)
        {
            foreach (var pair in sort.EnumerateArray())
            {
                CheckAggregated(problems, $"{o.Where} sort", mapping, pair[0].GetString() ?? "", "sort");
            }
        }

        var source = o.Attributes.GetProperty("kibanaSavedObjectMeta").GetProperty("searchSourceJSON").GetString() ?? "{}";
        using var document = JsonDocument.Parse(source);
        if (document.RootElement.TryGetProperty("query", out var query))
        {
            CheckKql(problems, $"{o.Where} query", mapping, SavedObject.Text(query, "query"));
        }

        if (SavedObject.Text(document.RootElement, "indexRefName") != SearchIndexReference)
        {
            problems.Add($"{o.Where}: searchSourceJSON.indexRefName must be {SearchIndexReference}");
        }
    }

    private static void CheckAggregated(List<string> problems, string where, FieldMapping mapping, string name, string operation)
    {
        var field = mapping.Find(name);
        if (field is null)
        {
            problems.Add($"{where}: field '{name}' is not in {mapping.File}");
        }
        else if (!field.Aggregatable)
        {
            problems.Add($"{where}: field '{name}' is {field.Type}, which Elasticsearch cannot aggregate or sort on ({operation})");
        }
        else if (operation == "date_histogram" && field.Type is not ("date" or "date_nanos"))
        {
            problems.Add($"{where}: date_histogram on '{name}', a {field.Type}");
        }
        else if (NumericOperations.Contains(operation) && !NumericTypes.Contains(field.Type))
        {
            problems.Add($"{where}: {operation} of '{name}', a {field.Type}");
        }
    }

    private static void CheckKql(List<string> problems, string where, FieldMapping mapping, string query)
    {
        foreach (var name in KqlFields(query))
        {
            var field = mapping.Find(name);
            if (field is null || !field.Searchable)
            {
                problems.Add($"{where}: KQL '{query}' names '{name}', which is {(field is null ? "not in" : "not searchable in")} {mapping.File}");
            }
        }
    }

    private static void CheckEncoded(List<string> problems, SavedObject o, string name, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"{o.Where}: {name} must be a JSON-encoded string");
            return;
        }

        try
        {
            using var _ = JsonDocument.Parse(value.GetString() ?? "");
        }
        catch (JsonException ex)
        {
            problems.Add($"{o.Where}: {name} does not parse: {ex.Message}");
        }
    }

    private static IEnumerable<(string Index, JsonElement Panel)> Panels(SavedObject dashboard)
    {
        if (!dashboard.Attributes.TryGetProperty("panelsJSON", out var encoded) || encoded.ValueKind != JsonValueKind.String)
        {
            yield break;
        }

        JsonElement panels;
        try
        {
            using var document = JsonDocument.Parse(encoded.GetString() ?? "");
            panels = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            yield break; // reported by CheckObjects
        }

        if (panels.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (var panel in panels.EnumerateArray())
        {
            yield return (SavedObject.Text(panel, "panelIndex"), panel);
        }
    }

    [GeneratedRegex(@"(?<![\w.*""])(?<field>[A-Za-z_][A-Za-z0-9_.]*)\s*(?::|<=|>=|<|>)")]
    private static partial Regex KqlField();
}
