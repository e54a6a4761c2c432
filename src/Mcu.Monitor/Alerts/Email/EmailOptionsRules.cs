using Mcu.Monitor.Routing;
using MailKit.Security;
using MimeKit;

namespace Mcu.Monitor.Alerts.Email;

/// <summary>
/// Cross-field rules of <see cref="EmailOptions"/>, and the recipients' addresses they will be sent to: a mistyped
/// address is found at start-up, not during the outage that makes e-mail needed. The password is never echoed.
/// </summary>
public static class EmailOptionsRules
{
    private const string Section = EmailOptions.SectionName;

    /// <summary>
    /// The accepted <see cref="EmailOptions.Security"/> values. <c>Auto</c> and <c>StartTlsWhenAvailable</c> are left
    /// out on purpose: they fall back to plain text when the server does not offer TLS, silently exposing the password.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, SecureSocketOptions> SecurityModes =
        new Dictionary<string, SecureSocketOptions>(StringComparer.OrdinalIgnoreCase)
        {
            ["StartTls"] = SecureSocketOptions.StartTls,
            ["SslOnConnect"] = SecureSocketOptions.SslOnConnect,
            ["None"] = SecureSocketOptions.None,
        };

    public static IEnumerable<string> Validate(EmailOptions o, RoutingOptions routing)
    {
        if (!SecurityModes.ContainsKey(o.Security ?? ""))
        {
            yield return $"{Section}:Security = '{o.Security}': must be StartTls, SslOnConnect or None";
        }

        if (!o.Enabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(o.Host))
        {
            yield return $"{Section}:Host = '': is required when {Section}:Enabled is true";
        }
        else if (Uri.CheckHostName(o.Host) == UriHostNameType.Unknown)
        {
            yield return $"{Section}:Host = '{o.Host}': must be a host name or IP address such as smtp.example.ru (the port goes in {Section}:Port)";
        }

        if (string.IsNullOrWhiteSpace(o.From))
        {
            yield return $"{Section}:From = '': is required when {Section}:Enabled is true";
        }
        else if (!IsMailbox(o.From))
        {
            yield return $"{Section}:From = '{o.From}': must be one e-mail address such as mcu@example.ru or МЦУ <mcu@example.ru>";
        }

        if (!string.IsNullOrEmpty(o.UserName) && string.IsNullOrEmpty(o.Password))
        {
            yield return $"{Section}:Password = '': is required with {Section}:UserName (set Alerts__Email__Password)";
        }

        if (string.IsNullOrEmpty(o.UserName) && !string.IsNullOrEmpty(o.Password))
        {
            yield return $"{Section}:UserName = '': is required with {Section}:Password";
        }

        for (var i = 0; i < routing.Recipients.Count; i++)
        {
            var emails = routing.Recipients[i].Emails;
            for (var e = 0; e < emails.Count; e++)
            {
                if (!IsMailbox(emails[e]))
                {
                    yield return $"Routing:Recipients:{i}:Emails:{e} = '{emails[e]}': must be one e-mail address such as jkh@example.ru";
                }
            }
        }
    }

    /// <summary>One mailbox with a domain: MimeKit also accepts a bare local part («mcu»), which no server can deliver to.</summary>
    internal static bool IsMailbox(string? text) =>
        !string.IsNullOrWhiteSpace(text) && MailboxAddress.TryParse(text, out var mailbox) && !string.IsNullOrEmpty(mailbox.Domain);
}
