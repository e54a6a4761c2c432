using Mcu.Monitor.Answers;

namespace Mcu.Monitor.Tests.Answers;

public class ResidentReplyClassifierTests
{
    private static readonly ResidentReplyClassifier Classifier = AnswerTestSetup.Replies();

    [Theory]
    [InlineData("Так ничего и не сделали", "ничего и не")]
    [InlineData("Ничего не сделано!", "ничего не сделано")]
    [InlineData("До сих пор не убрали", "до сих пор не")]
    [InlineData("так и не убрали, мусор лежит", "так и не")]
    [InlineData("Воды как не было так и нет", "как не было так и нет")]
    [InlineData("опять то же самое", "опять то же самое")]
    [InlineData("Обманули, никто не приезжал", "обманули")]
    [InlineData("Никто не приезжал, яма на месте", "никто не приезжал")]
    [InlineData("Отписка.", "отписка")]
    [InlineData("Это отписки, а не ответ", "отписки")]
    [InlineData("Спасибо, но до сих пор не убрали", "до сих пор не")]
    [InlineData("Спасибо за отписку", "отписку")]
    [InlineData("Ничего не сделали, не спасибо вам", "ничего не сделали")]
    [InlineData("Всё так же течёт", "все так же")]
    public void Classify_ProblemRemains_NothingDone(string text, string phrase)
    {
        Assert.Equal(new ResidentReply(ResidentReplyKind.NothingDone, phrase), Classifier.Classify(text));
    }

    [Theory]
    [InlineData("Спасибо, починили!", "спасибо")]
    [InlineData("Сделали, благодарю", "благодарю")]
    [InlineData("Всё сделали, ничего не течёт", "сделали")]
    [InlineData("Вывезли мусор утром", "вывезли")]
    [InlineData("Дали воду", "дали")]
    [InlineData("Огромное спасибо администрации", "спасибо")]
    public void Classify_ThanksOrDone_Thanks(string text, string phrase)
    {
        Assert.Equal(new ResidentReply(ResidentReplyKind.Thanks, phrase), Classifier.Classify(text));
    }

    [Theory]
    [InlineData("не спасибо")]
    [InlineData("А когда сделают?")]
    [InlineData("Надеюсь, починят")]
    [InlineData("У нас на Школьной тоже холодно")]
    [InlineData("")]
    [InlineData("👍")]
    [InlineData(".")]
    public void Classify_NeitherOrNegatedThanks_Other(string text)
    {
        Assert.Equal(ResidentReply.Other, Classifier.Classify(text));
    }

    [Fact]
    public void Classify_Post_UsesItsText()
    {
        var post = TestSupport.TestPosts.Post("1", "Так ничего и не сделали", Domain.PostKind.Comment, "0");

        Assert.Equal(ResidentReplyKind.NothingDone, Classifier.Classify(post).Kind);
    }
}
