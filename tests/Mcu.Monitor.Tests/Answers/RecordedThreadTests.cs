using System.Text.Json;
using Mcu.Monitor.Answers;
using Mcu.Monitor.Sources;

namespace Mcu.Monitor.Tests.Answers;

/// <summary>
/// The answer rules on the team-written VK threads: which comment is the official answer, its score band,
/// and whether the residents' reaction reopens the incident.
/// </summary>
public class RecordedThreadTests
{
    private static readonly OfficialAccounts Accounts = new([new OfficialAccountOptions { Network = "vk", Owner = "-200000099", Name = "МУП «Водоканал»" }]);
    private static readonly OfficialAnswerDetector Detector = AnswerTestSetup.Detector(Accounts);
    private static readonly AnswerThreadReviewer Reviewer = new(Detector, AnswerTestSetup.Replies());

    public static TheoryData<string> Files() =>
        [.. System.IO.Directory.GetFiles(RecordedThread.Directory, "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Fact]
    public void Threads_AtLeastSixRecorded()
    {
        Assert.True(Files().Count >= 6);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Thread_HasSourceNoteAndTheWallGetCommentsShape(string file)
    {
        var note = File.ReadAllText(Path.Combine(RecordedThread.Directory, file + ".source.txt"));
        Assert.Contains("team-written", note, StringComparison.Ordinal);
        Assert.Contains("wall.getComments", note, StringComparison.Ordinal);
        Assert.Contains("v5.199", note, StringComparison.Ordinal);
        Assert.Contains("vk/wall.getComments.threads-and-deleted.json", note, StringComparison.Ordinal);

        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RecordedThread.Directory, file)));
        var response = document.RootElement.GetProperty("response");
        foreach (var key in (string[])["count", "items", "current_level_count", "can_post", "profiles", "groups"])
        {
            Assert.True(response.TryGetProperty(key, out _), $"{file}: no {key}");
        }

        // The community answers as itself: some comment's from_id is the wall owner (negative).
        var items = response.GetProperty("items").EnumerateArray().ToList();
        var owner = items.First(i => i.TryGetProperty("owner_id", out _)).GetProperty("owner_id").GetInt64();
        Assert.True(owner < 0);
        Assert.Contains(items, i => i.TryGetProperty("from_id", out var from) && from.GetInt64() < 0);
    }

    [Fact]
    public void Leak_CompleteAnswerWithPhotos_Scores100AndTheResidentThanks()
    {
        var thread = RecordedThread.Load("wall.getComments.01-leak-good-answer-thanks.team-written.json", 500000101,
            "Третий день из колодца на Мостовой течёт вода, вся дорога во льду. Когда устранят?");

        var review = Reviewer.Review(thread.Complaint, thread.Comments);

        var answer = Assert.Single(review.Answers);
        Assert.Equal("9003", answer.CommentKey.Item);
        Assert.Equal("Администрация Алексеевского городского округа", answer.AuthorName);
        Assert.Equal(thread.CommentById("9003").PublishedAt, answer.AnsweredAt);
        Assert.Equal(100, answer.Rubric.Score);
        Assert.Equal("приложено: фото", answer.Rubric[AnswerCriterionKind.Evidence].Reason);
        Assert.Equal("ответ адресован жителю: «Мария»", answer.Rubric[AnswerCriterionKind.Addressed].Reason);
        Assert.Equal(ResidentReplyKind.Thanks, review.Reaction?.Reply.Kind);
        Assert.Equal("9004", review.Reaction?.Comment.Key.Item);
        Assert.False(review.ShouldReopen);
    }

    [Fact]
    public void Garbage_FormalReply_ScoresZeroAndNothingDoneReopens()
    {
        var thread = RecordedThread.Load("wall.getComments.02-garbage-formal-nothing-done.team-written.json", 500000103,
            "Контейнерная площадка на Садовой переполнена, мусор не вывозят неделю!");

        var review = Reviewer.Review(thread.Complaint, thread.Comments);

        var answer = Assert.Single(review.Answers);
        Assert.Equal("9102", answer.CommentKey.Item);
        Assert.Equal("Алексеевка | Обращения жителей", answer.AuthorName);
        Assert.True(answer.Rubric.IsFormal);
        Assert.Equal(0, answer.Rubric.Score);
        Assert.Contains("«передано в профильное ведомство»", answer.Rubric[AnswerCriterionKind.NotFormal].Reason, StringComparison.Ordinal);
        Assert.True(review.ShouldReopen);
        Assert.Equal("9104", review.Reaction?.Comment.Key.Item);
        Assert.Equal("ничего и не", review.Reaction?.Reply.MatchedPhrase);
    }

    [Fact]
    public void Pothole_LegalReferenceOnly_FormalAndANeighboursBrushOffReopens()
    {
        var thread = RecordedThread.Load("wall.getComments.03-pothole-legal-reference-only.team-written.json", 500000106,
            "На ул. Победы у остановки огромная яма, когда заделают?");

        var review = Reviewer.Review(thread.Complaint, thread.Comments);

        var rubric = Assert.Single(review.Answers).Rubric;
        Assert.True(rubric.IsFormal);
        Assert.Equal(0, rubric.Score);
        Assert.False(rubric[AnswerCriterionKind.NoBareLegalReference].Met);
        Assert.Contains("«59-фз»", rubric[AnswerCriterionKind.NoBareLegalReference].Reason, StringComparison.Ordinal);
        // «от 02.05.2006» is the law's date and «в течение 30 дней» the term of consideration, not of the fix.
        Assert.False(rubric[AnswerCriterionKind.Deadline].Met);
        Assert.True(review.ShouldReopen);
        Assert.Equal("отписка", review.Reaction?.Reply.MatchedPhrase);
    }

    [Fact]
    public void Heating_GreetingIsNotTheAnswer_PlannedActionWithDateScores80_ThanksInTheReplyThread()
    {
        var thread = RecordedThread.Load("wall.getComments.04-heating-greeting-then-planned.team-written.json", 500000103,
            "В домах на Школьной нет отопления второй день, дети мёрзнут");

        var review = Reviewer.Review(thread.Complaint, thread.Comments);

        Assert.Null(Detector.Detect(thread.Complaint, thread.CommentById("9301")));
        Assert.Null(Detector.Detect(thread.Complaint, thread.CommentById("9302")));
        var answer = Assert.Single(review.Answers);
        Assert.Equal("9304", answer.CommentKey.Item);
        Assert.Equal(80, answer.Rubric.Score);
        Assert.True(answer.Rubric[AnswerCriterionKind.Action].Met);
        Assert.True(answer.Rubric[AnswerCriterionKind.Deadline].Met);
        Assert.False(answer.Rubric[AnswerCriterionKind.Evidence].Met);
        Assert.Equal("9306", review.Reaction?.Comment.Key.Item);
        Assert.Equal(ResidentReplyKind.Thanks, review.Reaction?.Reply.Kind);
        Assert.False(review.ShouldReopen);
    }

    [Fact]
    public void Pothole_DoneWithPhoto_Scores90ButNobodyCameReopens()
    {
        var thread = RecordedThread.Load("wall.getComments.05-pothole-done-photo-nothing-done.team-written.json", 500000106,
            "Яма на Победы у остановки «Рынок» снова разрослась, помогите!");

        var review = Reviewer.Review(thread.Complaint, thread.Comments);

        var answer = Assert.Single(review.Answers);
        Assert.Equal("9402", answer.CommentKey.Item);
        Assert.Equal(90, answer.Rubric.Score);
        Assert.True(review.ShouldReopen);
        Assert.Equal("9403", review.Reaction?.Comment.Key.Item);
        Assert.Equal("обманули", review.Reaction?.Reply.MatchedPhrase);
    }

    [Fact]
    public void Lights_DoneAndImpossible_ContradictionScores40AndStillDarkReopens()
    {
        var thread = RecordedThread.Load("wall.getComments.06-lights-contradiction.team-written.json", 500000105,
            "На Заводской не горят фонари, вечером идти страшно");

        var review = Reviewer.Review(thread.Complaint, thread.Comments);

        Assert.Equal(["deleted"], thread.SkipReasons);
        var rubric = Assert.Single(review.Answers).Rubric;
        Assert.False(rubric[AnswerCriterionKind.NotContradictory].Met);
        Assert.Equal(40, rubric.Score);
        Assert.False(rubric.IsFormal);
        Assert.True(review.ShouldReopen);
        Assert.Equal("до сих пор не", review.Reaction?.Reply.MatchedPhrase);
    }

    [Fact]
    public void Waste_ActionWithOnlyAVagueTerm_Scores40AndAQuestionIsNoReaction()
    {
        var thread = RecordedThread.Load("wall.getComments.07-waste-vague-deadline.team-written.json", 500000104,
            "С площадки на Садовой неделю не вывозят мусор");

        var review = Reviewer.Review(thread.Complaint, thread.Comments);

        var rubric = Assert.Single(review.Answers).Rubric;
        Assert.Equal(40, rubric.Score);
        Assert.Equal("срок не конкретный: «в ближайшее время» — не засчитан", rubric[AnswerCriterionKind.Deadline].Reason);
        Assert.Null(review.Reaction);
        Assert.False(review.ShouldReopen);
    }

    [Fact]
    public void Water_ConfiguredUtilityAnswers_ResidentRumourIsNotAnAnswer()
    {
        var thread = RecordedThread.Load("wall.getComments.08-water-official-account.team-written.json", 500000107,
            "Нет воды с утра на Мостовой, что случилось?");

        var review = Reviewer.Review(thread.Complaint, thread.Comments);

        Assert.Null(Detector.Detect(thread.Complaint, thread.CommentById("9701")));
        var answer = Assert.Single(review.Answers);
        Assert.Equal("9702", answer.CommentKey.Item);
        Assert.Equal("МУП «Водоканал»", answer.AuthorName);
        Assert.Equal(90, answer.Rubric.Score);
        Assert.Contains("«акт выполненных работ»", answer.Rubric[AnswerCriterionKind.Evidence].Reason, StringComparison.Ordinal);
        Assert.Equal(ResidentReplyKind.Thanks, review.Reaction?.Reply.Kind);
    }

    [Fact]
    public void Review_NoCommentsOrOnlyResidents_NoAnswerNoReaction()
    {
        var thread = RecordedThread.Load("wall.getComments.01-leak-good-answer-thanks.team-written.json", 500000101, "Течёт вода");

        var review = Reviewer.Review(thread.Complaint, thread.Comments.Where(c => c.AuthorId != "-200000001"));

        Assert.Empty(review.Answers);
        Assert.Null(review.LatestAnswer);
        Assert.Null(review.Reaction);
        Assert.False(Reviewer.Review(thread.Complaint, []).ShouldReopen);
    }
}
