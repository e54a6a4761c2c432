using Mcu.Monitor.Alerts.Email;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Alerts;

/// <summary>
/// Telegram first; when an alert has waited longer than <see cref="EmailOptions.FallbackAfter"/> (Telegram has been
/// failing, or the recipient has no chat yet) and e-mail is enabled, the alert goes by e-mail instead, so a bot outage
/// never silences an incident. Each alert leaves by one channel: a retry never sends it by both.
/// </summary>
public sealed class FallbackAlertSender(IAlertSender primary, EmailAlertSender email, IOptions<EmailOptions> options, TimeProvider time) : IAlertSender
{
    public string Channel => primary.Channel;

    public Task<string?> SendAsync(AlertMessage message, CancellationToken cancellationToken) => primary.SendAsync(message, cancellationToken);

    public async Task<AlertReceipt> DeliverAsync(AlertMessage message, CancellationToken cancellationToken)
    {
        if (options.Value.Enabled && time.GetUtcNow() - message.CreatedAt >= options.Value.FallbackAfter)
        {
            return new AlertReceipt(email.Channel, await email.SendAsync(message, cancellationToken));
        }

        return await primary.DeliverAsync(message, cancellationToken);
    }
}
