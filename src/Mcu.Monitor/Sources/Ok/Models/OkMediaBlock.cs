namespace Mcu.Monitor.Sources.Ok.Models;

/// <summary>One block of a media topic's body; only <c>text</c> blocks carry text (apiok.ru <c>ui.postMediatopic</c>).</summary>
internal sealed class OkMediaBlock
{
    public string? Type { get; set; }

    public string? Text { get; set; }
}
