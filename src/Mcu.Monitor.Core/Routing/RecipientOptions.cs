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
    /// Telegram chat ids that receive this recipient's alerts (used once the bot arrives, issue #6). Strings, so
    /// a mistyped id stops start-up: the binder would silently drop a list item that is not a number.
    /// </summary>
    public List<string> TelegramChatIds { get; set; } = [];

    public List<string> Emails { get; set; } = [];

    /// <summary>The recipient next up the escalation ladder, or none for the top.</summary>
    public string? EscalatesTo { get; set; }
}
