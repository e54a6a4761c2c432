using Mcu.Monitor.Routing;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Alerts.Email;

/// <summary>Recipients' addresses from <c>Routing:Recipients:N:Emails</c>.</summary>
public sealed class ConfiguredRecipientContacts(IOptions<RoutingOptions> routing) : IRecipientContacts
{
    public IReadOnlyList<string> EmailsOf(string recipientId) =>
        routing.Value.Recipients
            .FirstOrDefault(r => string.Equals(r.Id, recipientId, StringComparison.Ordinal))?.Emails
            .Where(e => !string.IsNullOrWhiteSpace(e))
            .Select(e => e.Trim())
            .ToList()
        ?? [];
}
