namespace Mcu.Monitor.Sources.Ok.Models;

/// <summary>A page of <c>discussions.getComments</c>: <c>{comments, anchor, has_more}</c> [unverified: no real response body is available].</summary>
internal sealed class OkCommentsResponse
{
    public List<OkComment?>? Comments { get; set; }

    public string? Anchor { get; set; }

    public bool? HasMore { get; set; }
}
