namespace Mcu.Monitor.Domain;

/// <summary>
/// Sector ids of the default taxonomy (DOMAIN.md, Sectors). The taxonomy itself is configuration;
/// only <see cref="Other"/> is fixed, because every classifier needs a place for "none of them".
/// </summary>
public static class Sectors
{
    public const string Other = "other";
}
