using System.ComponentModel.DataAnnotations;

namespace Mcu.Monitor.Storage;

/// <summary>The embedded system of record (section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>SQLite database file; a relative path is taken from the current directory. Default <c>data/mcu-monitor.db</c>.</summary>
    [Required]
    public string DatabasePath { get; set; } = "data/mcu-monitor.db";

    /// <summary>How long a write waits for another writer before it fails. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Post texts and author names older than this are erased (the post's metadata, classification and
    /// incidents stay, for statistics). Posts are personal data and must not live forever. Default 365 days.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan TextRetention { get; set; } = TimeSpan.FromDays(365);
}
