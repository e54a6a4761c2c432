namespace Mcu.Monitor.Sources;

/// <summary>
/// One source in the one source model shared by every network: its id, type, address and display name, how
/// often to poll it, and how to create its reader. Only enabled sources are defined; the municipality is the
/// worker's (<c>Municipality:Id</c>); secrets stay in each network's options, never here.
/// </summary>
public sealed record SourceDefinition(string Id, TimeSpan PollInterval, Func<IPostSource> Create)
{
    /// <summary><c>file</c>, <c>vk</c>, <c>ok</c> or <c>telegram</c>.</summary>
    public required string Type { get; init; }

    /// <summary>Where it reads: a file path, community ids or URLs, a channel address.</summary>
    public required string Address { get; init; }

    /// <summary>What officers call it.</summary>
    public required string DisplayName { get; init; }
}
