namespace Mcu.Monitor.Reports.Weekly;

/// <summary>
/// The weekly analytic note for the head of administration (regulation 4.3а; section <c>Reports:Weekly</c>). A firing
/// of <see cref="Cron"/> makes the note of the last complete ISO week in the municipality's time zone, writes it to
/// <see cref="OutputDirectory"/> and, when <c>Alerts:Channel</c> is <c>telegram</c>, sends the DOCX to the Telegram
/// chats of <see cref="Recipients"/> — each chat once per week, so later firings and restarts send nothing again.
/// </summary>
public sealed class WeeklyNoteOptions
{
    public const string SectionName = "Reports:Weekly";

    /// <summary>Schedules the note. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Quartz cron expression, in the municipality's time zone. Default <c>0 0 8 ? * MON</c>: Monday 08:00. A schedule
    /// that fires more often (<c>0 0 8-17 ? * MON</c>) catches up after a worker that was down at 08:00, and sends once.
    /// </summary>
    public string Cron { get; set; } = "0 0 8 ? * MON";

    /// <summary>
    /// Recipient ids (<c>Routing:Recipients</c>) whose Telegram chats get the note. Default <c>["mcu-head"]</c>. Null
    /// in the class because the configuration binder appends configured items to a pre-filled list; see <see cref="EffectiveRecipients"/>.
    /// </summary>
    public List<string>? Recipients { get; set; }

    /// <summary>Folder of the scheduled notes, relative to the current directory. Default <c>reports</c>.</summary>
    public string OutputDirectory { get; set; } = "reports";

    public IReadOnlyList<string> EffectiveRecipients => Recipients ?? ["mcu-head"];
}
