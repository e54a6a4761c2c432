using Mcu.Monitor.Alerts;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Routing;
using Mcu.Monitor.Spikes;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Mcu.Monitor.Tests.Spikes;

/// <summary>The spike watcher and notifier on a temporary SQLite store with the shipped configuration and a fake clock.</summary>
public sealed class SpikeTestContext : IDisposable
{
    private int _next;

    public SpikeTestContext(DateTimeOffset now, RoutingOptions? routing = null)
    {
        Time = new FakeTimeProvider(now);
        Store = new TestStore(Time);
        Routing = routing ?? TestConfiguration.Routing();
        Municipality = MsOptions.Create(new MunicipalityOptions { Id = "test-mun" });
        Spikes = new SqliteSpikeStore(Store.Database, Municipality, MsOptions.Create(Routing),
            MsOptions.Create(TestConfiguration.Classification()), MsOptions.Create(TestConfiguration.Territory()));
        Watcher = new SpikeWatcher(Spikes, new SpikeDetector(SpikeOptions.Value), SpikeOptions, Time, NullLogger<SpikeWatcher>.Instance);
    }

    public FakeTimeProvider Time { get; }

    public TestStore Store { get; }

    public RoutingOptions Routing { get; }

    public IOptions<MunicipalityOptions> Municipality { get; }

    public IOptions<SpikeOptions> SpikeOptions { get; } = MsOptions.Create(new SpikeOptions());

    public SqliteSpikeStore Spikes { get; }

    public SpikeWatcher Watcher { get; }

    public SpikeNotifier Notifier(ISpikeChannel channel) =>
        new(Spikes, channel, MsOptions.Create(new AlertsOptions()), Time, NullLogger<SpikeNotifier>.Instance);

    /// <summary>Stores a post of the sector and locality, published at <paramref name="at"/>, through the store's CommitAsync; returns its key.</summary>
    public async Task<string> PostAsync(DateTimeOffset at, string sector, string? locality, RiskLevel risk, string text = "Опять нет воды")
    {
        var id = (++_next).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var processed = TestPosts.Processed(id, appeal: false, sector);
        var item = processed with
        {
            Post = processed.Post with { PublishedAt = at, Text = text },
            Classification = processed.Classification with { Risk = risk, RiskScore = (0.1 + (0.25 * (int)risk)) + (0.0001 * _next) },
            Locality = locality is null ? null : new LocalityMatch(locality, locality, locality),
        };
        await Store.Store.CommitAsync("file:test", [item], null, CancellationToken.None);
        return item.Post.Key.ToString();
    }

    public void Dispose() => Store.Dispose();
}
