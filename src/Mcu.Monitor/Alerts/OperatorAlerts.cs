using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Alerts;

/// <summary>
/// Operator alerts on the console alert channel and in the log at Error level, each key at most once an hour
/// so a source failing at every poll does not flood the operators. The Telegram channel arrives with issue #6.
/// </summary>
public sealed class OperatorAlerts(TextWriter output, TimeProvider time, ILogger<OperatorAlerts> logger) : IOperatorAlerts
{
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastRaised = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public void Raise(string key, string message)
    {
        var now = time.GetUtcNow();
        if (_lastRaised.TryGetValue(key, out var last) && now - last < QuietPeriod)
        {
            return;
        }

        _lastRaised[key] = now;
        AlertLog.OperatorAlert(logger, key, message);
        lock (_lock)
        {
            output.WriteLine($"ОПЕРАТОРУ [{key}]: {message}");
        }
    }
}
