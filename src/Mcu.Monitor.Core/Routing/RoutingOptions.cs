using System.ComponentModel.DataAnnotations;

namespace Mcu.Monitor.Routing;

/// <summary>The recipient registry and the routing rules (section <c>Routing</c>).</summary>
public sealed class RoutingOptions
{
    public const string SectionName = "Routing";

    public List<RecipientOptions> Recipients { get; set; } = [];

    public List<RoutingRuleOptions> Rules { get; set; } = [];

    /// <summary>Who gets an appeal that no rule matches: usually the МЦУ itself.</summary>
    [Required]
    public string DefaultRecipient { get; set; } = "";
}
