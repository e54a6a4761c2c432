using System.ComponentModel.DataAnnotations;

namespace Mcu.Monitor.Incidents;

/// <summary>
/// Time to answer by priority, in working time on the working calendar (<c>WorkingCalendar</c>): 4 working
/// hours opened on Friday at 16:00 fall due on Monday at 11:00.
/// </summary>
public sealed class DeadlineOptions
{
    /// <summary>Critical risk. Default 4 hours.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan Critical { get; set; } = TimeSpan.FromHours(4);

    /// <summary>High risk. Default 9 hours.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan High { get; set; } = TimeSpan.FromHours(9);

    /// <summary>Everything else. Default 24 hours.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan Normal { get; set; } = TimeSpan.FromHours(24);
}
