using System.ComponentModel.DataAnnotations;

namespace Mcu.Monitor.Sources;

/// <summary>
/// An official account of the municipality (госпаблик, the administration's channel or a department's page):
/// what it publishes is information or an answer, never a resident's appeal.
/// </summary>
public sealed class OfficialAccountOptions
{
    /// <summary><c>vk</c>, <c>ok</c> or <c>telegram</c>.</summary>
    [Required]
    [RegularExpression("^(vk|ok|telegram)$", ErrorMessage = "must be vk, ok or telegram")]
    public string Network { get; set; } = "";

    /// <summary>The account as it appears in post keys and authors: a VK community as <c>-201234567</c>, an OK group id, a Telegram channel username.</summary>
    [Required]
    public string Owner { get; set; } = "";

    [Required]
    public string Name { get; set; } = "";
}
