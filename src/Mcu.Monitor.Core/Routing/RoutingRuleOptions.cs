using System.ComponentModel.DataAnnotations;

namespace Mcu.Monitor.Routing;

/// <summary>
/// One routing rule: every given condition must hold (an empty one matches anything). Rules are tried
/// in order; the first that matches names the recipient.
/// </summary>
public sealed class RoutingRuleOptions
{
    /// <summary>Sector id, or empty for any sector.</summary>
    public string? Sector { get; set; }

    /// <summary>Locality id, or empty for any locality (including none found).</summary>
    public string? Locality { get; set; }

    /// <summary>Any of these words or phrases in the text (e.g. a management company's name), or empty.</summary>
    public List<string> Keywords { get; set; } = [];

    [Required]
    public string Recipient { get; set; } = "";
}
