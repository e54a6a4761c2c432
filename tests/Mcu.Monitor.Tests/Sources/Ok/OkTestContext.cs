using Mcu.Monitor.Alerts;
using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Sources;
using Mcu.Monitor.Sources.Ok;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Tests.Sources.Ok;

/// <summary>
/// The OK reader composed the way the host composes it (<see cref="OkServiceCollectionExtensions.AddOkSources"/>),
/// pointed at a <see cref="FakeOkServer"/>, with collecting fakes for logs and operator alerts.
/// </summary>
internal sealed class OkTestContext : IDisposable
{
    private readonly ServiceProvider _services;

    public OkTestContext(Uri apiBaseUrl, IDictionary<string, string?>? overrides = null, string[]? groups = null, TimeProvider? time = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sources:Ok:ApplicationKey"] = FakeOkServer.ApplicationKey,
            ["Sources:Ok:SecretKey"] = FakeOkServer.SecretKey,
            ["Sources:Ok:AccessToken"] = FakeOkServer.AccessToken,
            ["Sources:Ok:ApiBaseUrl"] = apiBaseUrl.ToString(),
            ["Sources:Ok:MinRequestInterval"] = "00:00:00",
            ["Sources:Ok:RetryDelay"] = "00:00:00.050",
            ["Sources:Ok:RequestTimeout"] = "00:00:05",
        };
        var ids = groups ?? [Group];
        for (var i = 0; i < ids.Length; i++)
        {
            settings[$"Sources:Ok:Groups:{i}:Id"] = ids[i];
        }

        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new CollectingLoggerProvider(Logger)));
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddSingleton<IOperatorAlerts>(Alerts);
        services.AddSingleton<IOptions<MunicipalityOptions>>(Microsoft.Extensions.Options.Options.Create(new MunicipalityOptions { Id = "test-mun" }));
        services.AddOkSources(configuration);
        _services = services.BuildServiceProvider();
    }

    public const string Group = "53038939046008";

    public CollectingLogger Logger { get; } = new();

    public CollectingOperatorAlerts Alerts { get; } = new();

    public OkOptions Settings => _services.GetRequiredService<IOptions<OkOptions>>().Value;

    public OkApiClient Client => _services.GetRequiredService<OkApiClient>();

    public IReadOnlyList<SourceDefinition> Sources() =>
        [.. _services.GetServices<ISourceProvider>().SelectMany(p => p.Sources())];

    public IPostSource Source(string groupId = Group) =>
        Sources().Single(s => s.Id == "ok:group:" + groupId).Create();

    public static async Task<List<SourceItem>> ReadAllAsync(IPostSource source, string? cursor = null)
    {
        var items = new List<SourceItem>();
        await foreach (var item in source.ReadAsync(cursor, CancellationToken.None))
        {
            items.Add(item);
        }

        return items;
    }

    public void Dispose() => _services.Dispose();
}
