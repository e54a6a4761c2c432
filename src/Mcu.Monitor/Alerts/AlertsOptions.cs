using System.ComponentModel.DataAnnotations;

namespace Mcu.Monitor.Alerts;

/// <summary>Alert delivery (section <c>Alerts</c>).</summary>
public sealed class AlertsOptions
{
    public const string SectionName = "Alerts";

    /// <summary>
    /// The delivery channel: <c>console</c> (default) prints alerts to standard output; <c>telegram</c> sends them to
    /// recipients' chats through the alert bot (<c>Alerts:Telegram</c>).
    /// </summary>
    [Required]
    [RegularExpression("^(console|telegram)$", ErrorMessage = "must be 'console' or 'telegram'")]
    public string Channel { get; set; } = "console";

    /// <summary>How often the dispatcher looks for undelivered alerts while the worker runs. Default 2 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>First retry delay after a failed send; doubles per attempt up to <see cref="MaxRetryDelay"/>. Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest delay between retries. Default 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a dispatcher holds an alert it is sending, so two dispatchers never send one alert. If the
    /// delivery cannot be recorded within it, the alert may be sent again after it. Default 5 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan DeliveryLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Characters of the post text shown in an alert. Default 300.</summary>
    [Range(20, 4000)]
    public int MaxTextLength { get; set; } = 300;
}
