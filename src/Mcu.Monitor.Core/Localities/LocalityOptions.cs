using System.ComponentModel.DataAnnotations;

namespace Mcu.Monitor.Localities;

/// <summary>One locality of the gazetteer: the town or a settlement with its territory.</summary>
public sealed class LocalityOptions
{
    /// <summary>Stable id used in routing rules, incidents and the index, e.g. <c>ilovka</c>.</summary>
    [Required]
    public string Id { get; set; } = "";

    /// <summary>Display name, e.g. «с. Иловка».</summary>
    [Required]
    public string Name { get; set; } = "";

    /// <summary>Names people write, in any case form: «Иловка», «Иловское», «Иловский». Matched by stem.</summary>
    public List<string> Aliases { get; set; } = [];

    /// <summary>
    /// Names that are also ordinary words («Красное», «Советское»): they count only right after a
    /// settlement marker such as «с.» or «село».
    /// </summary>
    public List<string> MarkedAliases { get; set; } = [];

    /// <summary>Street names of this locality; they count only next to a street marker («ул.», «улица»).</summary>
    public List<string> Streets { get; set; } = [];
}
