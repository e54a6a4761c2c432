namespace Mcu.Monitor.Reports.Weekly;

/// <summary>A sector in a locality whose negative messages (risk above Low) grew against the previous week.</summary>
public sealed record EmergingRisk(string Sector, string SectorName, string? LocalityId, string LocalityName, int Negative, int PreviousNegative)
{
    public int Growth => Negative - PreviousNegative;
}
