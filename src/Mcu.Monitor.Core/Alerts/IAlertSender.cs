namespace Mcu.Monitor.Alerts;

/// <summary>
/// Delivers alerts over one channel (console, Telegram, e-mail). A send is not idempotent, so
/// the dispatcher never retries a send that succeeded; a thrown exception means "not delivered".
/// </summary>
public interface IAlertSender
{
    /// <summary>Channel name stored with the delivery, e.g. <c>console</c>.</summary>
    string Channel { get; }

    /// <summary>Sends the alert and returns the channel's id for the delivered message, if it has one.</summary>
    Task<string?> SendAsync(AlertMessage message, CancellationToken cancellationToken);

    /// <summary>Sends the alert and says over which channel it went (a sender with a fallback may use another).</summary>
    async Task<AlertReceipt> DeliverAsync(AlertMessage message, CancellationToken cancellationToken) =>
        new(Channel, await SendAsync(message, cancellationToken));
}

/// <summary>The channel that delivered an alert and its id for the message, if it has one.</summary>
public sealed record AlertReceipt(string Channel, string? DeliveryId);
