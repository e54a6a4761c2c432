namespace Mcu.Monitor.Spikes;

/// <summary>
/// Delivers spike alerts over one channel (console, Telegram). As with <see cref="Alerts.IAlertSender"/>, a send is
/// not idempotent: a thrown exception means «not delivered», and the notifier tries again later.
/// </summary>
public interface ISpikeChannel
{
    /// <summary>Channel name stored with the delivery, e.g. <c>console</c>.</summary>
    string Name { get; }

    /// <summary>Sends the alert and returns the channel's id for the delivered message, if it has one.</summary>
    Task<string?> SendAsync(SpikeAlert alert, CancellationToken cancellationToken);
}
