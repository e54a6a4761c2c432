namespace Mcu.Monitor.Classification;

/// <summary>The words that tell one sector. Terms weigh 1, strong (unambiguous) terms weigh 2.</summary>
public sealed class SectorLexiconOptions
{
    /// <summary>Display name of the sector, e.g. «Жилищно-коммунальное хозяйство».</summary>
    public string Name { get; set; } = "";

    public List<string> Terms { get; set; } = [];

    public List<string> StrongTerms { get; set; } = [];
}
