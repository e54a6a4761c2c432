using Mcu.Monitor.Alerts;
using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Sources;
using Mcu.Monitor.Sources.Vk;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Tests.Sources.Vk;

/// <summary>
/// The VK reader as the host composes it (<see cref="VkServiceCollectionExtensions.AddVkSources"/>), pointed at a
/// loopback <see cref="FakeVk"/>, with a collecting logger and collecting operator alerts.
/// </summary>
public sealed class VkTestHost : IAsyncDisposable
{
    public const string Token = "vk1.a.SECRET-test-token-5f0c2e9d";

    private readonly ServiceProvider _services;
    private bool _serverStopped;

    public VkTestHost(Dictionary<string, string?>? settings = null, TimeProvider? time = null, FakeVk? vk = null)
    {
        Vk = vk ?? new FakeVk();
        Server = new LoopbackHttpServer(Vk.Handle);
        var all = new Dictionary<string, string?>
        {
            ["Sources:Vk:ServiceToken"] = Token,
            ["Sources:Vk:ApiBaseUrl"] = Server.BaseAddress.ToString(),
            ["Sources:Vk:RequestsPerSecond"] = "100",
            ["Sources:Vk:RetryDelay"] = "00:00:00.050",
            ["Sources:Vk:MaxRetryDelay"] = "00:00:00.200",
            ["Sources:Vk:TooManyRequestsDelay"] = "00:00:00.300",
            ["Sources:Vk:FloodControlDelay"] = "00:00:00.600",
            ["Sources:Vk:RequestTimeout"] = "00:00:05",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        Configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new CollectingLoggerProvider(Log)));
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddSingleton<IOperatorAlerts>(Alerts);
        services.AddSingleton(Options.Create(new MunicipalityOptions { Id = "test-mun" }));
        services.AddVkSources(Configuration);
        _services = services.BuildServiceProvider();
    }

    public FakeVk Vk { get; }

    public LoopbackHttpServer Server { get; }

    public IConfiguration Configuration { get; }

    public CollectingLogger Log { get; } = new();

    public CollectingOperatorAlerts Alerts { get; } = new();

    public IServiceProvider Services => _services;

    internal VkApiClient Client => _services.GetRequiredService<VkApiClient>();

    public IReadOnlyList<SourceDefinition> Definitions() => [.. _services.GetServices<ISourceProvider>().SelectMany(p => p.Sources())];

    public IPostSource Source(string id) => Definitions().Single(d => d.Id == id).Create();

    public static async Task<List<SourceItem>> ReadAllAsync(IPostSource source, string? cursor)
    {
        var items = new List<SourceItem>();
        await foreach (var item in source.ReadAsync(cursor, CancellationToken.None))
        {
            items.Add(item);
        }

        return items;
    }

    /// <summary>True when the token shows up anywhere a human could read it.</summary>
    public bool TokenLeaked() =>
        Log.Contains(Token) || Alerts.Raised.Any(a => a.Message.Contains(Token, StringComparison.Ordinal) || a.Key.Contains(Token, StringComparison.Ordinal));

    /// <summary>Stops the fake server (for transport-failure tests); disposing the host afterwards is fine.</summary>
    public async Task StopServerAsync()
    {
        if (!_serverStopped)
        {
            _serverStopped = true;
            await Server.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await StopServerAsync();
    }
}
