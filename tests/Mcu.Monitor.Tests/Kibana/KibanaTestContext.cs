using Mcu.Monitor.Kibana;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Tests.Kibana;

/// <summary>
/// The Kibana import composed the way the host composes it (<see cref="KibanaServiceCollectionExtensions.AddKibana"/>),
/// pointed at a loopback server, with a collecting logger and two small saved-object files in a temporary folder.
/// </summary>
internal sealed class KibanaTestContext : IDisposable
{
    public const string Username = "mcu_setup";
    public const string Password = "S3cret-Pa55word";

    public const string DataViewLine =
        """{"attributes":{"title":"mcu-posts*","name":"Посты","timeFieldName":"published_at"},"id":"mcu-posts","references":[],"type":"index-pattern"}""";

    public const string LensLine =
        """{"attributes":{"title":"Соцсети","visualizationType":"lnsPie","state":{}},"id":"mcu-lens-posts-network","references":[{"type":"index-pattern","id":"mcu-posts","name":"indexpattern-datasource-layer-layer1"}],"type":"lens"}""";

    private readonly ServiceProvider _services;
    private readonly TempDirectory _directory = new();

    public KibanaTestContext(Uri? kibanaUrl, IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Kibana:Url"] = kibanaUrl?.ToString() ?? "",
            ["Kibana:Username"] = Username,
            ["Kibana:Password"] = Password,
            ["Kibana:RetryDelay"] = "00:00:00",
            ["Kibana:RequestTimeout"] = "00:00:05",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new CollectingLoggerProvider(Logger)));
        services.AddSingleton(TimeProvider.System);
        services.AddKibana(configuration);
        _services = services.BuildServiceProvider();

        System.IO.File.WriteAllText(_directory.File("a-data-views.ndjson"), DataViewLine + "\n\n");
        System.IO.File.WriteAllText(_directory.File("b-dashboard.ndjson"), LensLine); // no final line break
        System.IO.File.WriteAllText(_directory.File("notes.txt"), "not a saved object");
    }

    public CollectingLogger Logger { get; } = new();

    public IServiceProvider Services => _services;

    public KibanaImporter Importer => _services.GetRequiredService<KibanaImporter>();

    public KibanaOptions Options => _services.GetRequiredService<IOptions<KibanaOptions>>().Value;

    public string Directory => _directory.Path;

    public IReadOnlyList<string> Files => KibanaImporter.FindFiles(_directory.Path);

    public void Dispose()
    {
        _services.Dispose();
        _directory.Dispose();
    }
}
