using Mcu.Monitor.Answers;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Sources;

namespace Mcu.Monitor.Tests.Answers;

public class OfficialAnswerDetectorTests
{
    private const string Community = "-200000001";
    private static readonly DateTimeOffset Posted = new(2026, 12, 13, 19, 0, 0, TimeSpan.FromHours(3));
    private static readonly OfficialAnswerDetector Detector = AnswerTestSetup.Detector();

    private static Post Complaint(string owner = Community) => new()
    {
        Key = new PostKey(Network.Vk, owner, "1201"),
        Municipality = "alekseevsky",
        SourceId = "vk:wall",
        AuthorId = "500000101",
        AuthorName = "Мария Ковалёва",
        PublishedAt = Posted,
        Text = "Третий день течёт вода из колодца на Мостовой",
    };

    private static Post Comment(string authorId, string text, string? authorName = null, string owner = Community, string postId = "1201", params string[] attachments) => new()
    {
        Key = new PostKey(Network.Vk, owner, "9003"),
        Municipality = "alekseevsky",
        SourceId = "vk:comments",
        Kind = PostKind.Comment,
        ParentKey = new PostKey(Network.Vk, owner, postId),
        AuthorId = authorId,
        AuthorName = authorName,
        PublishedAt = Posted.AddHours(20),
        Text = text,
        Url = $"https://vk.com/wall{owner}_{postId}?reply=9003",
        Attachments = attachments,
    };

    [Fact]
    public void Detect_CommunityCommentsAsItself_AnswerWithAuthorTimeAndRubric()
    {
        var comment = Comment(Community, "Утечка устранена 14.12, фото прилагаем.", "Администрация Алексеевского городского округа", attachments: "photo");

        var answer = Detector.Detect(Complaint(), comment);

        Assert.NotNull(answer);
        Assert.Equal(comment.Key, answer.CommentKey);
        Assert.Equal("Администрация Алексеевского городского округа", answer.AuthorName);
        Assert.Equal(comment.PublishedAt, answer.AnsweredAt);
        Assert.Equal(comment.Url, answer.Url);
        Assert.Equal(90, answer.Rubric.Score);
    }

    [Fact]
    public void Detect_CommunityWithoutName_NamedByTheWallOwner()
    {
        var answer = Detector.Detect(Complaint(), Comment(Community, "Утечка устранена 14.12."));

        Assert.Equal("сообщество -200000001", answer?.AuthorName);
    }

    [Fact]
    public void Detect_ConfiguredOfficialAccount_AnswerNamedAsConfigured()
    {
        var accounts = new OfficialAccounts([new OfficialAccountOptions { Network = "vk", Owner = "-200000099", Name = "МУП «Водоканал»" }]);
        var detector = AnswerTestSetup.Detector(accounts);

        var answer = detector.Detect(Complaint(), Comment("-200000099", "Подача воды восстановлена, утечка устранена.", "МУП «Водоканал» Алексеевка"));

        Assert.Equal("МУП «Водоканал»", answer?.AuthorName);
    }

    [Fact]
    public void Detect_ResidentWritesLikeAnOfficial_NotAnAnswer()
    {
        var comment = Comment("500000102", "Аварийная бригада уже выехала, утечка устранена, сам видел");

        Assert.Null(Detector.Detect(Complaint(), comment));
        Assert.False(Detector.IsOfficial(Complaint(), comment));
    }

    [Fact]
    public void Detect_UserAnswersOnTheirOwnWall_NotAnAnswer()
    {
        // On VK only a negative owner is a community; a user's wall owner is a resident like any other.
        var comment = Comment("500000101", "Утечка устранена 14.12, фото прилагаем.", owner: "500000101");

        Assert.Null(Detector.Detect(Complaint("500000101"), comment));
    }

    [Fact]
    public void Detect_CommentOfAnotherPost_NotAnAnswer()
    {
        Assert.Null(Detector.Detect(Complaint(), Comment(Community, "Утечка устранена 14.12.", postId: "1202")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("👍")]
    [InlineData(".")]
    [InlineData("Ок")]
    [InlineData("Добрый день!")]
    [InlineData("Здравствуйте.")]
    [InlineData("Добрый день, Мария!")]
    [InlineData("Добрый день, Мария Ивановна!")]
    [InlineData("[id500000101|Мария], добрый вечер!")]
    [InlineData("Спасибо за обращение!")]
    public void Detect_EmptyEmojiOrGreetingOnly_NotAnAnswer(string text)
    {
        var comment = Comment(Community, text);

        Assert.Null(Detector.Detect(Complaint(), comment));
        Assert.True(Detector.IsOfficial(Complaint(), comment));
    }

    [Fact]
    public void Detect_FormalReply_StillAnAnswerMarkedFormal()
    {
        var answer = Detector.Detect(Complaint(), Comment(Community, "Здравствуйте! Передано в работу."));

        Assert.NotNull(answer);
        Assert.True(answer.Rubric.IsFormal);
        Assert.Equal(0, answer.Rubric.Score);
    }

    [Fact]
    public void Detect_ResidentNamedInTheAnswer_ScoredAsAddressed()
    {
        var answer = Detector.Detect(Complaint(), Comment(Community, "Мария, утечка устранена."));

        Assert.True(answer?.Rubric[AnswerCriterionKind.Addressed].Met);
    }
}
