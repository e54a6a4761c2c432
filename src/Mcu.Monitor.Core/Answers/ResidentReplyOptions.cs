using System.ComponentModel.DataAnnotations;

namespace Mcu.Monitor.Answers;

/// <summary>
/// Phrases of residents' replies after an official answer (section <c>Answers:ResidentReplies</c>, <c>answers.json</c>).
/// Unlike the rubric's terms, these phrases match only as written: their words in this order, one after
/// another (each word in any inflection), because here a «не» decides the meaning: «ничего не сделано» must
/// not match «всё сделали, ничего не течёт».
/// </summary>
public sealed class ResidentReplyOptions
{
    public const string SectionName = "Answers:ResidentReplies";

    /// <summary>The problem remains or nothing was done («до сих пор не», «так и не убрали», «отписка»).</summary>
    [MinLength(1)]
    public List<string> NothingDone { get; set; } = [];

    /// <summary>Thanks («спасибо», «благодарю»); a word right after «не» does not count («не спасибо»).</summary>
    [MinLength(1)]
    public List<string> Thanks { get; set; } = [];

    /// <summary>
    /// Verbs that say the work was done («сделали», «починили»). They count only in a past form and not right
    /// after «не», so «когда сделают?» and «не сделали» are not thanks.
    /// </summary>
    public List<string> DoneWords { get; set; } = [];
}
