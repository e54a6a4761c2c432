using Mcu.Monitor.Municipalities;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Alerts;

/// <summary>
/// The default channel: alerts are printed to standard output (not to the log, which must not hold post
/// texts at Information level), so a newcomer sees the whole loop without a bot token.
/// </summary>
public sealed class ConsoleAlertSender(TextWriter output, IOptions<AlertsOptions> options, IOptions<MunicipalityOptions> municipality) : IAlertSender
{
    private readonly TimeZoneInfo _timeZone = TimeZoneInfo.FindSystemTimeZoneById(municipality.Value.TimeZone);
    private readonly Lock _lock = new();

    public string Channel => "console";

    public Task<string?> SendAsync(AlertMessage message, CancellationToken cancellationToken)
    {
        var text = AlertText.Format(message, _timeZone, options.Value.MaxTextLength);
        lock (_lock)
        {
            output.WriteLine(text);
        }

        return Task.FromResult<string?>(null);
    }
}
