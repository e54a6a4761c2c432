namespace Mcu.Monitor.Sources.File;

/// <summary>A line of a feed that could not be read as it was: its number and what was wrong.</summary>
public sealed record FeedProblem(long Line, string Reason, bool Skipped);
