using Mcu.Monitor.Spikes;

namespace Mcu.Monitor.Tests.Spikes;

/// <summary>A spike channel that keeps what it was given.</summary>
public sealed class CollectingSpikeChannel : ISpikeChannel
{
    public List<SpikeAlert> Sent { get; } = [];

    public string Name => "collect";

    public Task<string?> SendAsync(SpikeAlert alert, CancellationToken cancellationToken)
    {
        Sent.Add(alert);
        return Task.FromResult<string?>(null);
    }
}
