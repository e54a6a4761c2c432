namespace Mcu.Monitor.Indexing;

/// <summary>
/// The component template bodies, read from <c>deploy/elasticsearch/*.json</c> copied beside the executable
/// (folder <c>elasticsearch/</c>). The files are the single source: Kibana's objects are validated against them.
/// </summary>
public static class ElasticsearchTemplateFiles
{
    public const string Settings = "mcu-settings";
    public const string PostsMappings = "mcu-posts-mappings";
    public const string IncidentsMappings = "mcu-incidents-mappings";

    /// <summary>The component templates in the order <c>es setup</c> puts them (settings first: mappings name its analyzer).</summary>
    public static readonly IReadOnlyList<string> ComponentTemplates = [Settings, PostsMappings, IncidentsMappings];

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "elasticsearch");

    public static string PathOf(string name) => Path.Combine(Directory, name + ".json");

    public static async Task<string> ReadAsync(string name, CancellationToken cancellationToken)
    {
        var path = PathOf(name);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"template file not found: {path} (deploy/elasticsearch/{name}.json is copied there at build)", path);
        }

        return await File.ReadAllTextAsync(path, cancellationToken);
    }
}
