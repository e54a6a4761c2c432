using Mcu.Monitor.Observability;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Alerts;

/// <summary>
/// Delivers due alerts from the outbox, at least once: a row is claimed, sent, and marked sent right after
/// the channel accepts it. Only a crash between the send and the mark (or a mark that keeps failing for the
/// whole <see cref="AlertsOptions.DeliveryLease"/>) can repeat an alert (DESIGN.md, decision 4).
/// </summary>
public sealed class AlertDispatcher(
    SqliteAlertOutbox outbox,
    IAlertSender sender,
    IOptions<AlertsOptions> options,
    TimeProvider time,
    ILogger<AlertDispatcher> logger,
    MonitorMetrics? metrics = null) : IDisposable
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
                    var now = time.GetUtcNow();
                    if (!outbox.TryClaim(alert.AlertId, now, now + options.Value.DeliveryLease))
                    {
                        failedIds.Add(alert.AlertId); // someone else is sending it
                        continue;
                    }

                    AlertReceipt receipt;
                    try
                    {
                        receipt = await sender.DeliverAsync(alert, cancellationToken);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        failed++;
                        failedIds.Add(alert.AlertId);
                        metrics?.AlertFailed(sender.Channel);
                        var attempts = outbox.MarkFailed(alert.AlertId, ex.GetType().Name, NextAttempt);
                        AlertLog.DeliveryFailed(logger, ex, alert.AlertId, sender.Channel, attempts);
                        continue;
                    }

                    // Delivered: from here on the alert must never count as failed, or it would be sent again.
                    metrics?.AlertSent(receipt.Channel);
                    await RecordDeliveryAsync(alert, receipt, cancellationToken);
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

    /// <summary>Marks the alert sent, retrying a few times if the database is busy; the claim covers the retries.</summary>
    private async Task RecordDeliveryAsync(AlertMessage alert, AlertReceipt receipt, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                outbox.MarkSent(alert.AlertId, receipt.Channel, receipt.DeliveryId, time.GetUtcNow());
                AlertLog.Delivered(logger, alert.AlertId, alert.IncidentId, alert.RecipientId, receipt.Channel);
                return;
            }
            catch (Microsoft.Data.Sqlite.SqliteException ex) when (attempt < 5)
            {
                AlertLog.RecordRetry(logger, ex, alert.AlertId, attempt);
                await Task.Delay(TimeSpan.FromSeconds(attempt), time, cancellationToken);
            }
            catch (Microsoft.Data.Sqlite.SqliteException ex)
            {
                AlertLog.RecordFailed(logger, ex, alert.AlertId, options.Value.DeliveryLease);
                return;
            }
        }
    }

    private DateTimeOffset NextAttempt(int attempts)
    {
        var o = options.Value;
        var delay = TimeSpan.FromTicks(Math.Min(o.MaxRetryDelay.Ticks, o.RetryDelay.Ticks * (1L << Math.Min(attempts - 1, 20))));
        return time.GetUtcNow() + delay;
    }
}
