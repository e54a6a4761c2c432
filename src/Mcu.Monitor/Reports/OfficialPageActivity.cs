namespace Mcu.Monitor.Reports;

/// <summary>
/// How an official page (госпаблик) was run in a period (regulation 2.2з): its own posts, and how it answered residents'
/// comments under them. A comment counts as answered when the page itself commented in the same thread after it; the
/// answer time is in working hours, like the incidents' reaction time.
/// </summary>
/// <param name="Network"><c>vk</c>, <c>ok</c> or <c>telegram</c>.</param>
/// <param name="Owner">The page as in post keys.</param>
/// <param name="Name">The configured name (or the recipient's, for a page known only from <c>Reports:RecipientPages</c>).</param>
/// <param name="RecipientIds">Recipients that name this page in <c>Reports:RecipientPages</c>.</param>
/// <param name="Posts">Posts published by the page in the period.</param>
/// <param name="PostsPerWeek">Posts divided by the period's length in weeks.</param>
/// <param name="ResidentComments">Comments by others than the page under its posts, published in the period.</param>
/// <param name="AnsweredComments">Of them, followed by a comment of the page in the same thread (by the moment of reckoning).</param>
/// <param name="MedianAnswerHours">Median working hours from a comment to the page's first later comment in the thread.</param>
public sealed record OfficialPageActivity(
    string Network,
    string Owner,
    string Name,
    IReadOnlyList<string> RecipientIds,
    int Posts,
    double PostsPerWeek,
    int ResidentComments,
    int AnsweredComments,
    double? MedianAnswerHours)
{
    public double? ShareAnswered => ReportStatistics.Share(AnsweredComments, ResidentComments);
}
