using System.ComponentModel.DataAnnotations;

namespace Mcu.Monitor.Alerts.Email;

/// <summary>
/// The e-mail alert channel (section <c>Alerts:Email</c>; issue #6): the fallback when Telegram cannot deliver
/// an alert for <see cref="FallbackAfter"/>. Recipients' addresses are <c>Routing:Recipients:N:Emails</c>. The
/// password comes from the environment (<c>Alerts__Email__Password</c>) or user secrets, never from committed files.
/// </summary>
public sealed class EmailOptions
{
    public const string SectionName = "Alerts:Email";

    /// <summary>Whether alerts may go by e-mail at all. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary>SMTP server host name or IP address, e.g. <c>smtp.example.ru</c>. Required when enabled.</summary>
    public string Host { get; set; } = "";

    /// <summary>SMTP port. Default 587 (submission with STARTTLS); 465 goes with <c>SslOnConnect</c>.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>
    /// Transport security: <c>StartTls</c> (default: TLS required after connecting), <c>SslOnConnect</c> (TLS from
    /// the first byte, port 465) or <c>None</c> (plain text: only for a relay on the same host or a trusted network,
    /// since a password would cross the wire readable).
    /// </summary>
    public string Security { get; set; } = "StartTls";

    /// <summary>SMTP login. Default empty: send without authentication (a relay that trusts this host).</summary>
    public string UserName { get; set; } = "";

    /// <summary>Password of <see cref="UserName"/>. Default empty; set <c>Alerts__Email__Password</c>; never logged.</summary>
    public string Password { get; set; } = "";

    /// <summary>Sender mailbox, e.g. <c>МЦУ Алексеевского ГО &lt;mcu@example.ru&gt;</c>. Required when enabled.</summary>
    public string From { get; set; } = "";

    /// <summary>
    /// How long an alert may stay undelivered by Telegram before it goes by e-mail instead. Default 30 minutes:
    /// short against a working-hours deadline of 4 hours or more, long enough to ride out a brief Telegram outage.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan FallbackAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Longest wait for each step of a send (connect, each SMTP command, the message data). Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
