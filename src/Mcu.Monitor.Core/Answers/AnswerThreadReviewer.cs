using Mcu.Monitor.Domain;

namespace Mcu.Monitor.Answers;

/// <summary>
/// Reads a whole thread under an incident's post (for a backfill, a re-read, or a test), with the same rules the
/// ingest pipeline applies comment by comment:
/// <list type="bullet">
/// <item>comments are taken in time order (then by key, so equal times give one result);</item>
/// <item>each official answer replaces the previous one as the latest, and clears the reaction to the previous one;</item>
/// <item>after the latest answer, the residents' comments (any non-official author: a neighbour saying «у нас тоже
/// до сих пор не убрали» speaks to the same problem) are classified; the first
/// <see cref="ResidentReplyKind.NothingDone"/> decides, else the last thanks. Comments before any answer are the
/// complaint's context, not a reaction.</item>
/// </list>
/// </summary>
public sealed class AnswerThreadReviewer(OfficialAnswerDetector detector, ResidentReplyClassifier replies)
{
    public AnswerThreadReview Review(Post incidentPost, IEnumerable<Post> comments)
    {
        var answers = new List<OfficialAnswer>();
        ResidentReaction? reaction = null;
        foreach (var comment in comments.OrderBy(c => c.PublishedAt).ThenBy(c => c.Key.Item, StringComparer.Ordinal))
        {
            if (comment.ParentKey != incidentPost.Key)
            {
                continue;
            }

            if (detector.IsOfficial(incidentPost, comment))
            {
                if (detector.Detect(incidentPost, comment) is { } answer)
                {
                    answers.Add(answer);
                    reaction = null;
                }

                continue;
            }

            if (answers.Count == 0 || reaction?.Reply.Kind == ResidentReplyKind.NothingDone)
            {
                continue;
            }

            var reply = replies.Classify(comment);
            if (reply.Kind != ResidentReplyKind.Other)
            {
                reaction = new ResidentReaction(comment, reply);
            }
        }

        return new AnswerThreadReview(answers, reaction);
    }
}
