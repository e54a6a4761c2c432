namespace Mcu.Monitor.Answers;

/// <summary>
/// The verdict on a resident's reply and the resident's words that decided it (lower case, ё as е, e.g. «так и не»);
/// null for <see cref="ResidentReplyKind.Other"/>.
/// </summary>
public sealed record ResidentReply(ResidentReplyKind Kind, string? MatchedPhrase)
{
    public static ResidentReply Other { get; } = new(ResidentReplyKind.Other, null);
}
