using System.ComponentModel.DataAnnotations;

namespace Mcu.Monitor.Sources.Ok;

/// <summary>One Odnoklassniki group to read (an item of <c>Sources:Ok:Groups</c>).</summary>
public sealed class OkGroupOptions
{
    /// <summary>The numeric group id (<c>gid</c>), as in <c>https://ok.ru/group/&lt;Id&gt;</c>. Required.</summary>
    [Required]
    [RegularExpression("^[0-9]{1,20}$", ErrorMessage = "must be the numeric group id (digits only)")]
    public string Id { get; set; } = "";

    /// <summary>Display name for operators. Optional.</summary>
    public string? Name { get; set; }

    /// <summary>Default true.</summary>
    public bool Enabled { get; set; } = true;
}
