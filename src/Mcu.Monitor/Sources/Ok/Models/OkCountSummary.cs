namespace Mcu.Monitor.Sources.Ok.Models;

/// <summary><c>like_summary</c> / <c>reshare_summary</c> of a media topic.</summary>
internal sealed class OkCountSummary
{
    public long? Count { get; set; }
}
