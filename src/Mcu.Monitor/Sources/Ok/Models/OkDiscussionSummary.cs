namespace Mcu.Monitor.Sources.Ok.Models;

/// <summary><c>discussion_summary</c> of a media topic: how many comments it has.</summary>
internal sealed class OkDiscussionSummary
{
    public long? CommentsCount { get; set; }
}
