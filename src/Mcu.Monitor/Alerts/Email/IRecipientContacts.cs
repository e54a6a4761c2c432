namespace Mcu.Monitor.Alerts.Email;

/// <summary>
/// Where a recipient can be reached by e-mail. <see cref="AlertMessage"/> carries the recipient's id only, so a
/// channel looks its addresses up here; a test or another registry can stand in for the configuration.
/// </summary>
public interface IRecipientContacts
{
    /// <summary>The recipient's e-mail addresses as configured; empty for an unknown recipient or one without any.</summary>
    IReadOnlyList<string> EmailsOf(string recipientId);
}
