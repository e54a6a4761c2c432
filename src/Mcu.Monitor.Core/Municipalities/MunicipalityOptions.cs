using System.ComponentModel.DataAnnotations;

namespace Mcu.Monitor.Municipalities;

/// <summary>The municipality this worker serves (section <c>Municipality</c>). Every stored record carries its id.</summary>
public sealed class MunicipalityOptions
{
    public const string SectionName = "Municipality";

    /// <summary>Stable id, e.g. <c>alekseevsky-go</c>; lower-case latin letters, digits and hyphens.</summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9-]{1,62}$", ErrorMessage = "must be 2-63 lower-case latin letters, digits or hyphens")]
    public string Id { get; set; } = "alekseevsky-go";

    /// <summary>Display name, e.g. «Алексеевский городской округ».</summary>
    [Required]
    public string Name { get; set; } = "Алексеевский городской округ";

    /// <summary>IANA time zone of the municipality; deadlines and reports use it. Default Europe/Moscow.</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/Moscow";
}
