namespace Mcu.Monitor.Alerts;

/// <summary>
/// Delivers alerts over one channel (console now, Telegram with issue #6). A send is not idempotent, so
/// the dispatcher never retries a send that succeeded; a thrown exception means "not delivered".
/// </summary>
public interface IAlertSender
{
    /// <summary>Channel name stored with the delivery, e.g. <c>console</c>.</summary>
    string Channel { get; }

    /// <summary>Sends the alert and returns the channel's id for the delivered message, if it has one.</summary>
    Task<string?> SendAsync(AlertMessage message, CancellationToken cancellationToken);
}
