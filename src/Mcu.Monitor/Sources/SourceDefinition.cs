namespace Mcu.Monitor.Sources;

/// <summary>A configured source: its id, how often to poll it, and how to create its reader.</summary>
public sealed record SourceDefinition(string Id, TimeSpan PollInterval, Func<IPostSource> Create);
