using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Mcu.Monitor.Municipalities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;

namespace Mcu.Monitor.Alerts.Email;

/// <summary>
/// Sends an alert as a plain-text e-mail in Russian to the recipient's addresses (<see cref="IRecipientContacts"/>)
/// over SMTP (issue #6: the fallback when Telegram fails). One connection per alert: e-mail is the rare path, so a
/// pooled connection would only add state that can go stale. Returns the Message-Id as the delivery id.
/// </summary>
/// <remarks>
/// Plain text only, no HTML alternative: the alert is a few lines, mail clients link URLs in plain text themselves,
/// and the post text (untrusted input) then never has to be escaped for a renderer.
/// </remarks>
public sealed class EmailAlertSender(
    IOptions<EmailOptions> options,
    IRecipientContacts contacts,
    IOptions<AlertsOptions> alerts,
    IOptions<MunicipalityOptions> municipality,
    TimeProvider time,
    ILogger<EmailAlertSender> logger) : IAlertSender
{
    private const string Section = EmailOptions.SectionName;
    private readonly TimeZoneInfo _timeZone = TimeZoneInfo.FindSystemTimeZoneById(municipality.Value.TimeZone);

    public string Channel => "email";

    /// <inheritdoc />
    /// <exception cref="EmailDeliveryException">The alert was not accepted by the SMTP server, or cannot be sent at all.</exception>
    public async Task<string?> SendAsync(AlertMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var o = options.Value;
        if (!o.Enabled)
        {
            throw new EmailDeliveryException($"Alert {message.AlertId}: the e-mail channel is off ({Section}:Enabled is false)", null, isTransient: false);
        }

        var mail = Build(message, Recipients(message));
        await DeliverAsync(mail, message.AlertId, cancellationToken);
        return mail.MessageId;
    }

    /// <summary>
    /// The Message-Id for an alert: the same for every send of one alert, so that if a crash between the send and
    /// its record makes the dispatcher send it again, mail systems and clients can recognise the duplicate. The
    /// domain is the sender's (in ASCII), since some spam filters distrust ids from a domain that is not one.
    /// </summary>
    public static string MessageIdFor(string idempotencyKey, string senderDomain)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..32];
        string domain;
        try
        {
            domain = new IdnMapping().GetAscii(senderDomain); // алексеевка.рф → xn--…; a Message-Id must be ASCII
        }
        catch (ArgumentException)
        {
            domain = "mcu-monitor";
        }

        return $"alert-{hash}@{domain}";
    }

    /// <summary>«Инцидент #42: ЖКХ, Иловка — ответить до 28.11.2026 15:00», the deadline in the municipality's time.</summary>
    internal string Subject(AlertMessage message)
    {
        var due = TimeZoneInfo.ConvertTime(message.DueAt, _timeZone);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Инцидент #{message.IncidentId}: {message.SectorName}, {message.LocalityName ?? "населённый пункт не указан"} — ответить до {due:dd.MM.yyyy HH:mm}");
    }

    internal MimeMessage Build(AlertMessage message, IReadOnlyList<MailboxAddress> to)
    {
        // Validated at start-up; parsing again keeps the display name («МЦУ <mcu@…>») and reads the domain.
        var from = MailboxAddress.Parse(options.Value.From);
        var body = new TextPart(TextFormat.Plain);
        body.SetText(Encoding.UTF8, AlertText.Format(message, _timeZone, alerts.Value.MaxTextLength));

        var mail = new MimeMessage
        {
            Subject = Subject(message),
            // MimeMessage stamps the machine's clock by default; the injected clock keeps tests deterministic.
            Date = TimeZoneInfo.ConvertTime(time.GetUtcNow(), _timeZone),
            MessageId = MessageIdFor(message.IdempotencyKey, from.Domain),
            Body = body,
        };
        mail.From.Add(from);
        mail.To.AddRange(to);
        // RFC 3834: vacation responders and the like must not answer an automatic message.
        mail.Headers.Add("Auto-Submitted", "auto-generated");
        return mail;
    }

    private List<MailboxAddress> Recipients(AlertMessage message)
    {
        var emails = contacts.EmailsOf(message.RecipientId);
        if (emails.Count == 0)
        {
            throw new EmailDeliveryException(
                $"Alert {message.AlertId}: recipient '{message.RecipientId}' has no e-mail address (Routing:Recipients:N:Emails)", null, isTransient: false);
        }

        var result = new List<MailboxAddress>(emails.Count);
        foreach (var email in emails)
        {
            if (!EmailOptionsRules.IsMailbox(email))
            {
                throw new EmailDeliveryException(
                    $"Alert {message.AlertId}: recipient '{message.RecipientId}' has an e-mail address that is not one mailbox: '{email}'", null, isTransient: false);
            }

            result.Add(MailboxAddress.Parse(email));
        }

        return result;
    }

    private async Task DeliverAsync(MimeMessage mail, long alertId, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!EmailOptionsRules.SecurityModes.TryGetValue(o.Security ?? "", out var security))
        {
            throw new EmailDeliveryException($"Alert {alertId}: {Section}:Security = '{o.Security}' is not StartTls, SslOnConnect or None", null, isTransient: false);
        }

        // MailKit applies the timeout to the connect and to every read and write, so no step can hang the dispatcher.
        using var client = new SmtpClient { Timeout = (int)o.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(o.Host, o.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(o.UserName))
            {
                await client.AuthenticateAsync(o.UserName, o.Password, cancellationToken);
            }

            // A failure after the data went out (a lost 250 reply) may still have delivered the message; the send
            // then counts as failed and is repeated under the same Message-Id (see MessageIdFor).
            await client.SendAsync(mail, cancellationToken);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            throw Failure(ex, alertId, o);
        }

        EmailLog.Accepted(logger, alertId, o.Host, mail.To.Count, mail.MessageId ?? "");
        try
        {
            // Accepted means delivered: a failing QUIT (or a shutdown arriving now) must not turn it into a failure
            // that is sent again, hence no cancellation token here; the timeout still bounds it.
            await client.DisconnectAsync(true, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ProtocolException or CommandException or OperationCanceledException or TimeoutException)
        {
            EmailLog.DisconnectFailed(logger, ex, alertId);
        }
    }

    /// <summary>Maps whatever MailKit or the network threw to one exception whose message names no secret.</summary>
    private static EmailDeliveryException Failure(Exception ex, long alertId, EmailOptions o)
    {
        var where = $"Alert {alertId}: e-mail not delivered through {o.Host}:{o.Port}";
        var (text, status, transient) = ex switch
        {
            SmtpCommandException c => ($"{Stage(c)}: {(int)c.StatusCode} {c.Message}", (int?)c.StatusCode, (int)c.StatusCode is >= 400 and < 500),
            AuthenticationException => ($"authentication as '{o.UserName}' failed (check {Section}:UserName and {Section}:Password): {ex.Message}", null, false),
            ServiceNotAuthenticatedException => ($"the server requires authentication ({Section}:UserName and {Section}:Password): {ex.Message}", null, false),
            SslHandshakeException => ($"TLS handshake failed (check {Section}:Security, {Section}:Port and the server's certificate): {ex.Message}", null, false),
            NotSupportedException => ($"the server does not support what {Section}:Security or the credentials need: {ex.Message}", null, false),
            SmtpProtocolException or IOException or SocketException or TimeoutException or OperationCanceledException =>
                ($"the connection failed or timed out ({ex.GetType().Name}): {ex.Message}", null, true),
            _ => ($"{ex.GetType().Name}: {ex.Message}", null, false),
        };

        // A server reply or a library message could quote the password (an echoing server, a mechanism's error);
        // it never leaves this method, neither in the message nor in an inner exception that a log would print.
        var password = o.Password;
        var quotesPassword = !string.IsNullOrEmpty(password) && ex.ToString().Contains(password, StringComparison.Ordinal);
        if (quotesPassword)
        {
            text = text.Replace(password, "***", StringComparison.Ordinal);
        }

        return new EmailDeliveryException($"{where}: {text}", status, transient, quotesPassword ? null : ex);
    }

    private static string Stage(SmtpCommandException c) => c.ErrorCode switch
    {
        SmtpErrorCode.RecipientNotAccepted => $"the server refused the recipient <{c.Mailbox?.Address}>",
        SmtpErrorCode.SenderNotAccepted => $"the server refused the sender <{c.Mailbox?.Address}>",
        SmtpErrorCode.MessageNotAccepted => "the server refused the message",
        _ => "the server answered with an error",
    };
}
