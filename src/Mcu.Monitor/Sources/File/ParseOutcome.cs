using Mcu.Monitor.Domain;

namespace Mcu.Monitor.Sources.File;

/// <summary>A parsed post, or the reason there is none; a warning may come with a post that was kept.</summary>
internal sealed record ParseOutcome(Post? Post, string? Error, string? Warning)
{
    public static ParseOutcome Fail(string error) => new(null, error, null);
}
