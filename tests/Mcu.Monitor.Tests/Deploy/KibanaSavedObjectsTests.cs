using System.Text.Json;
using Mcu.Monitor.Tests.TestSupport;

namespace Mcu.Monitor.Tests.Deploy;

/// <summary>
/// The offline test of deploy/kibana/*.ndjson (ELASTIC.md §4.5; issue #5 "Done when"): every line is a saved
/// object, references resolve, data views match the index patterns and time fields, and every field a
/// visualisation uses is in deploy/elasticsearch/*-mappings.json with a type Elasticsearch aggregates.
/// Final proof is a real import into Kibana 9 (docs/deploy.md), which cannot run on the build machines.
/// </summary>
public class KibanaSavedObjectsTests
{
    private static readonly string Root = TestConfiguration.RepositoryRoot();
    private static readonly string KibanaDirectory = Path.Combine(Root, "deploy", "kibana");
    private static readonly Lazy<(List<SavedObject> Objects, List<string> Problems)> Loaded = new(() => SavedObjectsValidator.Load(KibanaDirectory));

    private static List<SavedObject> Objects => Loaded.Value.Objects;

    /// <summary>Data view pattern → its component template: <c>mcu-posts*</c> → <c>mcu-posts-mappings.json</c>.</summary>
    internal static FieldMapping? MappingFor(string pattern)
    {
        var path = Path.Combine(Root, "deploy", "elasticsearch", pattern.TrimEnd('*') + "-mappings.json");
        return pattern.EndsWith('*') && File.Exists(path) ? FieldMapping.Load(path) : null;
    }

    [Fact]
    public void EveryLine_IsASavedObjectWithTypeIdAttributesAndReferences()
    {
        Assert.NotEmpty(Directory.GetFiles(KibanaDirectory, "*.ndjson"));
        AssertNone(Loaded.Value.Problems);
        Assert.True(Objects.Count >= 20, $"only {Objects.Count} saved objects");
    }

    [Fact]
    public void Objects_HaveUniqueIdsKibana9VersionsAndParseableEncodedAttributes() =>
        AssertNone(SavedObjectsValidator.CheckObjects(Objects));

    [Fact]
    public void Ids_AreStableReadableNames()
    {
        // Import overwrites by id: a generated UUID changing between exports would duplicate every dashboard.
        Assert.All(Objects, o => Assert.Matches("^mcu-[a-z0-9-]+$", o.Id));
    }

    [Fact]
    public void EveryReference_ResolvesToAnObjectInTheFiles() =>
        AssertNone(SavedObjectsValidator.CheckReferences(Objects));

    [Fact]
    public void DataViews_AreThePostsAndIncidentsPatternsWithTheirTimeFields()
    {
        var views = Objects.Where(o => o.Type == "index-pattern")
            .Select(o => (o.Id, Name: SavedObject.Text(o.Attributes, "name"), Pattern: o.Title, Time: SavedObject.Text(o.Attributes, "timeFieldName")))
            .OrderBy(v => v.Id, StringComparer.Ordinal)
            .ToList();

        Assert.Equal(
            [("mcu-incidents", "Инциденты", "mcu-incidents*", "opened_at"), ("mcu-posts", "Посты", "mcu-posts*", "published_at")],
            views);
        AssertNone(SavedObjectsValidator.CheckDataViews(Objects, MappingFor));
    }

    [Fact]
    public void Visualisations_UseOnlyFieldsOfTheirMappingThatElasticsearchAggregates()
    {
        var lensColumns = Objects.Where(o => o.Type == "lens").Sum(o => o.Attributes.GetRawText().Split("\"sourceField\"").Length - 1);
        Assert.True(lensColumns >= 30, $"only {lensColumns} Lens columns were checked");
        AssertNone(SavedObjectsValidator.CheckFields(Objects, MappingFor));
    }

    [Fact]
    public void Dashboards_AreTheThreeRussianOnesAndEveryPanelHasItsReference()
    {
        var titles = Objects.Where(o => o.Type == "dashboard").Select(o => o.Title).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["Инциденты и сроки", "Обзор", "Рейтинг получателей"], titles);
        AssertNone(SavedObjectsValidator.CheckDashboards(Objects));
    }

    [Fact]
    public void EveryVisualisation_IsOnADashboardAndReadsADataViewById()
    {
        var onDashboards = Objects.Where(o => o.Type == "dashboard").SelectMany(o => o.References).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);

        foreach (var o in Objects.Where(o => o.Type is "lens" or "search"))
        {
            Assert.True(onDashboards.Contains(o.Id), $"{o.Where} is on no dashboard");
            Assert.Contains(o.References, r => r.Type == "index-pattern" && r.Id is "mcu-posts" or "mcu-incidents");
        }
    }

    [Fact]
    public void OverdueIncidents_AreCountedWithTheDocumentedFilter()
    {
        // Overdue = the deadline passed and there is no answer (docs/deploy.md, dashboard «Инциденты и сроки»).
        var overdue = Objects.Single(o => o.Id == "mcu-lens-incidents-overdue");
        var query = overdue.Attributes.GetProperty("state").GetProperty("query");

        Assert.Equal("due_at < now and not status:(Answered or Closed)", query.GetProperty("query").GetString());
        Assert.Equal("kuery", query.GetProperty("language").GetString());
    }

    [Fact]
    public void KqlFields_FindsComparedFieldsOnly()
    {
        Assert.Equal(["due_at", "status"], SavedObjectsValidator.KqlFields("due_at < now and not status:(Answered or Closed)"));
        Assert.Equal(["appeal"], SavedObjectsValidator.KqlFields("appeal:true"));
        Assert.Equal(["sector_name.text"], SavedObjectsValidator.KqlFields("sector_name.text:\"вода: нет\""));
        Assert.Empty(SavedObjectsValidator.KqlFields(""));
    }

    [Fact]
    public void Validator_BrokenLens_ReportsEveryProblem()
    {
        // The checks must be able to fail: a lens on a text field, an unknown field, a date histogram on a keyword,
        // a KQL filter on a missing field, and a dashboard whose panel reference dangles.
        var objects = new List<SavedObject>(Objects.Where(o => o.Type == "index-pattern"))
        {
            Parse("""
                {"type":"lens","id":"mcu-bad","coreMigrationVersion":"8.8.0","typeMigrationVersion":"8.9.0",
                 "attributes":{"title":"bad","visualizationType":"lnsXY","state":{"query":{"query":"nosuch:1","language":"kuery"},
                  "datasourceStates":{"formBased":{"layers":{"l1":{"columns":{
                    "a":{"operationType":"terms","sourceField":"text"},
                    "b":{"operationType":"terms","sourceField":"missing_field"},
                    "c":{"operationType":"date_histogram","sourceField":"sector"},
                    "d":{"operationType":"count","sourceField":"___records___","filter":{"query":"reasons:вода","language":"kuery"}}}}}}}}},
                 "references":[{"type":"index-pattern","id":"mcu-posts","name":"indexpattern-datasource-layer-l1"},
                               {"type":"index-pattern","id":"mcu-gone","name":"indexpattern-datasource-layer-l2"}]}
                """),
            Parse("""
                {"type":"dashboard","id":"mcu-bad-dashboard","coreMigrationVersion":"8.8.0","typeMigrationVersion":"8.7.0",
                 "attributes":{"title":"bad","panelsJSON":"[{\"type\":\"lens\",\"panelIndex\":\"1\",\"gridData\":{\"x\":40,\"y\":0,\"w\":16,\"h\":5},\"panelRefName\":\"panel_1\"}]"},
                 "references":[{"type":"lens","id":"mcu-nowhere","name":"2:panel_2"}]}
                """),
        };

        var fields = SavedObjectsValidator.CheckFields(objects, MappingFor);
        var references = SavedObjectsValidator.CheckReferences(objects);
        var dashboards = SavedObjectsValidator.CheckDashboards(objects);

        Assert.Contains(fields, p => p.Contains("field 'text' is text", StringComparison.Ordinal));
        Assert.Contains(fields, p => p.Contains("field 'missing_field' is not in mcu-posts-mappings.json", StringComparison.Ordinal));
        Assert.Contains(fields, p => p.Contains("date_histogram on 'sector', a keyword", StringComparison.Ordinal));
        Assert.Contains(fields, p => p.Contains("names 'nosuch'", StringComparison.Ordinal));
        Assert.Contains(fields, p => p.Contains("reference indexpattern-datasource-layer-l2 names no layer", StringComparison.Ordinal));
        Assert.DoesNotContain(fields, p => p.Contains("'reasons'", StringComparison.Ordinal)); // text is searchable in KQL
        Assert.Contains(references, p => p.Contains("index-pattern mcu-gone is not in the files", StringComparison.Ordinal));
        Assert.Contains(references, p => p.Contains("lens mcu-nowhere is not in the files", StringComparison.Ordinal));
        Assert.Contains(dashboards, p => p.Contains("panelRefName panel_1 has no reference named 1:panel_1", StringComparison.Ordinal));
        Assert.Contains(dashboards, p => p.Contains("wider than the 48-column grid", StringComparison.Ordinal));
        Assert.Contains(dashboards, p => p.Contains("reference 2:panel_2 belongs to no panel", StringComparison.Ordinal));
    }

    [Fact]
    public void FieldMapping_KeywordWithTextSubfield_OnlyTheKeywordAggregates()
    {
        var posts = MappingFor("mcu-posts*")!;

        Assert.True(posts.Find("sector_name")!.Aggregatable);
        Assert.False(posts.Find("sector_name.text")!.Aggregatable);
        Assert.True(posts.Find("sector_name.text")!.Searchable);
        Assert.False(posts.Find("text")!.Aggregatable);
        Assert.False(posts.Find("url")!.Searchable);
        Assert.Equal("date", posts.Find("published_at")!.Type);
        Assert.Null(MappingFor("mcu-nothing*"));
    }

    private static SavedObject Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement.Clone();
        return new SavedObject("test", 1, root.GetProperty("type").GetString()!, root.GetProperty("id").GetString()!, root);
    }

    private static void AssertNone(List<string> problems) =>
        Assert.True(problems.Count == 0, $"{problems.Count} problems:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
}
