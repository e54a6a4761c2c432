namespace Mcu.Monitor.Reports.Weekly;

/// <summary>A main problem of the week: residents' appeals of one sector in one locality (null: not determined).</summary>
public sealed record ProblemGroup(
    string Sector, string SectorName, string? LocalityId, string LocalityName, int Appeals, int PreviousAppeals, int Negative, IReadOnlyList<PostExcerpt> Examples);
