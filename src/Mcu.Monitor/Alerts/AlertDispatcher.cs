using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Alerts;

/// <summary>
/// Delivers due alerts from the outbox, at least once: a row is marked sent right after the channel
/// accepts it. Only a crash between the two can repeat an alert (DESIGN.md, decision 4).
/// </summary>
public sealed class AlertDispatcher(
    SqliteAlertOutbox outbox,
    IAlertSender sender,
    IOptions<AlertsOptions> options,
    TimeProvider time,
    ILogger<AlertDispatcher> logger) : IDisposable
{
    private const int PageSize = 200;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>Sends everything due now; returns how many were delivered and how many failed.</summary>
    public async Task<(int Delivered, int Failed)> DrainAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            int delivered = 0, failed = 0;
            var failedIds = new HashSet<long>();
            while (true)
            {
                var due = outbox.LoadDue(time.GetUtcNow(), PageSize).Where(a => !failedIds.Contains(a.AlertId)).ToList();
                if (due.Count == 0)
                {
                    return (delivered, failed);
                }

                foreach (var alert in due)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    try
                    {
                        var deliveryId = await sender.SendAsync(alert, cancellationToken);
                        outbox.MarkSent(alert.AlertId, sender.Channel, deliveryId, time.GetUtcNow());
                        delivered++;
                        AlertLog.Delivered(logger, alert.AlertId, alert.IncidentId, alert.RecipientId, sender.Channel);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        failed++;
                        failedIds.Add(alert.AlertId);
                        var attempts = outbox.MarkFailed(alert.AlertId, ex.GetType().Name, NextAttempt);
                        AlertLog.DeliveryFailed(logger, ex, alert.AlertId, sender.Channel, attempts);
                    }
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
        var o = options.Value;
        var delay = TimeSpan.FromTicks(Math.Min(o.MaxRetryDelay.Ticks, o.RetryDelay.Ticks * (1L << Math.Min(attempts - 1, 20))));
        return time.GetUtcNow() + delay;
    }
}
