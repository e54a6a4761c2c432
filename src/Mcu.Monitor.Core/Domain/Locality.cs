namespace Mcu.Monitor.Domain;

/// <summary>A settlement or the town of the municipality, found in a post's text.</summary>
public sealed record LocalityMatch(string LocalityId, string LocalityName, string MatchedText);
