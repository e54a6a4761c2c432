using Mcu.Monitor.Alerts;
using Mcu.Monitor.Municipalities;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Spikes;

/// <summary>Prints spike alerts to standard output, beside the console alerts (never to the log: they quote post texts).</summary>
public sealed class ConsoleSpikeChannel(TextWriter output, IOptions<AlertsOptions> alerts, IOptions<MunicipalityOptions> municipality) : ISpikeChannel
{
    private readonly TimeZoneInfo _timeZone = TimeZoneInfo.FindSystemTimeZoneById(municipality.Value.TimeZone);
    private readonly Lock _lock = new();

    public string Name => "console";

    public Task<string?> SendAsync(SpikeAlert alert, CancellationToken cancellationToken)
    {
        var text = SpikeAlertText.Format(alert, _timeZone, alerts.Value.MaxTextLength);
        lock (_lock)
        {
            output.WriteLine(text);
        }

        return Task.FromResult<string?>(null);
    }
}
