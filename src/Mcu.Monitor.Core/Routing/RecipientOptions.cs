using System.ComponentModel.DataAnnotations;

namespace Mcu.Monitor.Routing;

/// <summary>A responsible recipient: a department, a settlement's administration or an organisation.</summary>
public sealed class RecipientOptions
{
    [Required]
    public string Id { get; set; } = "";

    [Required]
    public string Name { get; set; } = "";

    /// <summary>
    /// Telegram chat ids that receive this recipient's alerts (besides the chats bound with an invite code). Strings, so
    /// a mistyped id stops start-up: the binder would silently drop a list item that is not a number.
    /// </summary>
    public List<string> TelegramChatIds { get; set; } = [];

    public List<string> Emails { get; set; } = [];

    /// <summary>The recipient next up the escalation ladder, or none for the top.</summary>
    public string? EscalatesTo { get; set; }

    /// <summary>
    /// The recipient works round the clock (a duty dispatch service such as the ЕДДС or an emergency crew): its
    /// deadlines count plain hours instead of the municipality's working calendar. Default false.
    /// </summary>
    public bool RoundTheClock { get; set; }
}
