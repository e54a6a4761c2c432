using Mcu.Monitor.Alerts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Spikes;

/// <summary>
/// Delivers stored spikes through the <see cref="ISpikeChannel"/>, at least once, by the alert outbox's rule: a row
/// is claimed for <see cref="AlertsOptions.DeliveryLease"/>, sent, and marked sent right after the channel accepts
/// it; a failure is retried with the alerts' back-off (<see cref="AlertsOptions.RetryDelay"/> doubling to
/// <see cref="AlertsOptions.MaxRetryDelay"/>).
/// </summary>
public sealed class SpikeNotifier(
    SqliteSpikeStore store, ISpikeChannel channel, IOptions<AlertsOptions> alerts, TimeProvider time, ILogger<SpikeNotifier> logger) : IDisposable
{
    private const int PageSize = 50;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public string Channel => channel.Name;

    /// <summary>Sends every spike due now; returns how many were delivered and how many failed.</summary>
    public async Task<(int Delivered, int Failed)> DeliverAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            int delivered = 0, failed = 0;
            var skipped = new HashSet<long>();
            while (true)
            {
                var due = store.LoadDue(time.GetUtcNow(), PageSize).Where(s => !skipped.Contains(s.SpikeId)).ToList();
                if (due.Count == 0)
                {
                    return (delivered, failed);
                }

                foreach (var spike in due)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var now = time.GetUtcNow();
                    skipped.Add(spike.SpikeId);
                    if (!store.TryClaim(spike.SpikeId, now, now + alerts.Value.DeliveryLease))
                    {
                        continue; // another sender holds it
                    }

                    string? deliveryId;
                    try
                    {
                        deliveryId = await channel.SendAsync(spike, cancellationToken);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        failed++;
                        var attempts = store.MarkFailed(spike.SpikeId, ex.GetType().Name + ": " + ex.Message, NextAttempt);
                        SpikeLog.DeliveryFailed(logger, ex, spike.SpikeId, channel.Name, attempts);
                        continue;
                    }

                    store.MarkSent(spike.SpikeId, channel.Name, deliveryId, time.GetUtcNow());
                    SpikeLog.Delivered(logger, spike.SpikeId, spike.RecipientId, channel.Name);
                    delivered++;
                }
            }
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public void Dispose() => _oneAtATime.Dispose();

    private DateTimeOffset NextAttempt(int attempts)
    {
        var o = alerts.Value;
        var delay = TimeSpan.FromTicks(Math.Min(o.MaxRetryDelay.Ticks, o.RetryDelay.Ticks * (1L << Math.Min(attempts - 1, 20))));
        return time.GetUtcNow() + delay;
    }
}
