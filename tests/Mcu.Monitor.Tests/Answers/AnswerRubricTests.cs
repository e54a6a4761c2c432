using Mcu.Monitor.Answers;

namespace Mcu.Monitor.Tests.Answers;

public class AnswerRubricTests
{
    private static readonly AnswerRubric Rubric = AnswerTestSetup.Rubric();

    private static AnswerRubricResult Score(string text, string[]? attachments = null, string? resident = null) =>
        Rubric.Score(text, attachments ?? [], resident);

    [Theory]
    [InlineData("Утечка устранена.", "устранен")]
    [InlineData("Устранили утечку на водоводе.", "устранен")]
    [InlineData("Трубы в подвале заменены.", "заменен")]
    [InlineData("Заменили трубы в подвале.", "заменен")]
    [InlineData("Мусор с площадки вывезен.", "вывезен")]
    [InlineData("Выполнены работы по очистке кровли от снега.", "выполнены работы")]
    [InlineData("Работы выполнены подрядчиком.", "выполнены работы")]
    [InlineData("На место направлена аварийная бригада.", "направлена бригада")]
    [InlineData("Будет произведён ремонт кровли.", "произведен ремонт")]
    [InlineData("Отопление включено.", "включено отопление")]
    [InlineData("Проведено грейдирование дороги.", "грейдирование")]
    [InlineData("В мае запланирован ямочный ремонт.", "ямочный ремонт")]
    public void Action_ConcreteActionInAnyInflection_Met(string text, string term)
    {
        var action = Score(text)[AnswerCriterionKind.Action];

        Assert.True(action.Met);
        Assert.Equal(40, action.Points);
        Assert.Contains($"«{term}»", action.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Информация принята к сведению.")]
    [InlineData("Работы не выполнены.")]
    [InlineData("Ваше обращение о замене труб передано в работу.")]
    [InlineData("Обращение по вопросу ямочного ремонта на ул. Победы рассмотрено.")]
    [InlineData("Жалоба на вывоз мусора принята.")]
    public void Action_NoActionOrOnlyTheSubjectRepeated_NotMet(string text)
    {
        var action = Score(text)[AnswerCriterionKind.Action];

        Assert.False(action.Met);
        Assert.Equal(0, action.Points);
        Assert.Equal("не названо конкретное действие (что сделано или будет сделано)", action.Reason);
    }

    [Fact]
    public void Action_SubjectThenActionAfterPunctuation_Met()
    {
        var action = Score("Ваше обращение о замене труб рассмотрено: трубы заменены 12.12.")[AnswerCriterionKind.Action];

        Assert.True(action.Met);
    }

    [Theory]
    [InlineData("Ремонт будет выполнен 15.12.", "15.12")]
    [InlineData("Ремонт будет выполнен в срок до 20.12.2026.", "20.12.2026")]
    [InlineData("Ремонт будет выполнен до 15 декабря.", "15 декабря")]
    [InlineData("Ремонт будет выполнен до конца недели.", "до конца недели")]
    [InlineData("Ремонт будет выполнен в течение 3 дней.", "в течение 3 дней")]
    [InlineData("Ремонт будет выполнен в течение двух рабочих дней.", "в течение двух рабочих дней")]
    [InlineData("Бригада приедет завтра.", "завтра")]
    [InlineData("Ремонт дороги включён в план на май 2027 года.", "май 2027 года")]
    [InlineData("Ремонт дороги будет выполнен в мае 2027 года.", "мае 2027 года")]
    [InlineData("Ремонт будет выполнен в 2027 году.", "2027 году")]
    public void Deadline_ConcreteDateOrTerm_Met(string text, string quoted)
    {
        var deadline = Score(text)[AnswerCriterionKind.Deadline];

        Assert.True(deadline.Met);
        Assert.Equal(30, deadline.Points);
        Assert.StartsWith("назван срок: ", deadline.Reason, StringComparison.Ordinal);
        Assert.Contains($"«{quoted}»", deadline.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Мусор вывезен.", "вывезен")]
    [InlineData("Утечку устранили.", "устранили")]
    [InlineData("Работы выполнены.", "выполнены")]
    public void Deadline_WorkAlreadyDone_MetWithoutADate(string text, string word)
    {
        var deadline = Score(text)[AnswerCriterionKind.Deadline];

        Assert.True(deadline.Met);
        Assert.Equal($"работа уже выполнена («{word}»), срок не нужен", deadline.Reason);
    }

    [Theory]
    [InlineData("Мусор будет вывезен.")]
    [InlineData("Утечку устранят.")]
    [InlineData("Работы не выполнены.")]
    [InlineData("Планируется заменить трубы.")]
    public void Deadline_PlannedOrNegatedWorkWithoutADate_NotMet(string text)
    {
        Assert.False(Score(text)[AnswerCriterionKind.Deadline].Met);
    }

    [Theory]
    [InlineData("Ремонт будет выполнен в ближайшее время.", "в ближайшее время")]
    [InlineData("Мусор вывезут в кратчайшие сроки.", "в кратчайшие сроки")]
    [InlineData("Ремонт будет выполнен при наличии финансирования.", "при наличии финансирования")]
    public void Deadline_VagueTerm_NotCountedAndSaidSo(string text, string term)
    {
        var deadline = Score(text)[AnswerCriterionKind.Deadline];

        Assert.False(deadline.Met);
        Assert.Equal($"срок не конкретный: «{term}» — не засчитан", deadline.Reason);
    }

    [Theory]
    [InlineData("Ваше обращение от 12.11.2026 рассмотрено.")]
    [InlineData("Ваше обращение от 12 ноября рассмотрено.")]
    [InlineData("Ваше обращение будет рассмотрено в течение 30 дней.")]
    [InlineData("Согласно п. 3.2 регламента обращение передано.")]
    [InlineData("Аварийная служба работает с 8.00 до 17.00.")]
    [InlineData("")]
    public void Deadline_DateOfTheAppealOrTermOfConsideration_NotADeadline(string text)
    {
        var deadline = Score(text)[AnswerCriterionKind.Deadline];

        Assert.False(deadline.Met);
        Assert.Equal("не назван срок устранения", deadline.Reason);
    }

    [Theory]
    [InlineData("photo", "приложено: фото")]
    [InlineData("video", "приложено: видео")]
    [InlineData("doc", "приложено: документ")]
    public void Evidence_PhotoVideoOrDocumentAttached_Met(string type, string reason)
    {
        var evidence = Score("Яма заделана.", [type, "link"])[AnswerCriterionKind.Evidence];

        Assert.True(evidence.Met);
        Assert.Equal(20, evidence.Points);
        Assert.Equal(reason, evidence.Reason);
    }

    [Theory]
    [InlineData("Акт выполненных работ прилагается.", "акт выполненных работ")]
    [InlineData("Яма заделана, фото прилагаем.", "фото прилагаем")]
    [InlineData("Прилагаем фото до и после.", "фото прилагаем")]
    public void Evidence_ActOrPhotoMentioned_Met(string text, string term)
    {
        var evidence = Score(text)[AnswerCriterionKind.Evidence];

        Assert.True(evidence.Met);
        Assert.Contains($"«{term}»", evidence.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Яма заделана.", new string[0])]
    [InlineData("Яма заделана.", new[] { "link", "sticker" })]
    [InlineData("Пришлите, пожалуйста, фото места.", new string[0])]
    public void Evidence_NoFileAndNoMention_NotMet(string text, string[] attachments)
    {
        var evidence = Score(text, attachments)[AnswerCriterionKind.Evidence];

        Assert.False(evidence.Met);
        Assert.Equal("нет подтверждения (фото, видео, акта выполненных работ)", evidence.Reason);
    }

    [Theory]
    [InlineData("[id500000101|Мария], утечка устранена.", null, "Мария")]
    [InlineData("Мария, добрый день! Утечка устранена.", "Мария Ковалёва", "Мария")]
    [InlineData("Уважаемые жители, утечка устранена.", null, "уважаем*")]
    public void Addressed_ByMentionNameOrCourtesy_Met(string text, string? resident, string quoted)
    {
        var addressed = Score(text, resident: resident)[AnswerCriterionKind.Addressed];

        Assert.True(addressed.Met);
        Assert.Equal(10, addressed.Points);
        Assert.Equal($"ответ адресован жителю: «{quoted}»", addressed.Reason);
    }

    [Fact]
    public void Addressed_NotAddressed_NoPointsButNoPenalty()
    {
        var addressed = Score("Утечка устранена.", resident: "Мария Ковалёва")[AnswerCriterionKind.Addressed];

        Assert.False(addressed.Met);
        Assert.Equal(0, addressed.Points);
    }

    [Theory]
    [InlineData("Ваше обращение принято.")]
    [InlineData("Передано в работу.")]
    [InlineData("Ваше обращение рассмотрено.")]
    [InlineData("Информация принята к сведению.")]
    [InlineData("Ваше обращение будет рассмотрено в установленном порядке.")]
    [InlineData("Добрый день! Ваше обращение передано в профильное ведомство.")]
    [InlineData("Ваше обращение о замене труб передано в работу.")]
    public void NotFormal_FormulaWithNothingElse_PenalisedAndFormal(string text)
    {
        var result = Score(text);

        Assert.True(result.IsFormal);
        Assert.False(result[AnswerCriterionKind.NotFormal].Met);
        Assert.Equal(-40, result[AnswerCriterionKind.NotFormal].Points);
        Assert.StartsWith("формальная отписка: «", result[AnswerCriterionKind.NotFormal].Reason, StringComparison.Ordinal);
        Assert.Equal(0, result.Score);
    }

    [Theory]
    [InlineData("Ваше обращение рассмотрено, трубы заменены 12.12.")]
    [InlineData("Передано в работу, бригада выехала.")]
    [InlineData("Информация передана, мусор вывезен.")]
    public void NotFormal_FormulaWithSubstance_NotPenalised(string text)
    {
        var result = Score(text);

        Assert.False(result.IsFormal);
        Assert.True(result[AnswerCriterionKind.NotFormal].Met);
        Assert.Equal(0, result[AnswerCriterionKind.NotFormal].Points);
        Assert.Contains("но ответ содержательный", result[AnswerCriterionKind.NotFormal].Reason, StringComparison.Ordinal);
        Assert.True(result.Score >= 40, result.Summary);
    }

    [Theory]
    [InlineData("В соответствии с 59-ФЗ ваше обращение рассмотрено.", "59-фз")]
    [InlineData("Согласно ст. 161 ЖК РФ содержание общего имущества возложено на управляющую компанию.", "ст. 161")]
    [InlineData("Руководствуясь постановлением администрации округа, сообщаем о плановом характере работ.", "постановлени*")]
    public void NoBareLegalReference_LawWithoutExplanation_PenalisedAndFormal(string text, string reference)
    {
        var result = Score(text);
        var legal = result[AnswerCriterionKind.NoBareLegalReference];

        Assert.False(legal.Met);
        Assert.Equal(-20, legal.Points);
        Assert.Contains($"«{reference}»", legal.Reason, StringComparison.Ordinal);
        Assert.True(result.IsFormal);
        Assert.Equal(0, result.Score);
    }

    [Theory]
    [InlineData("Согласно ст. 161 ЖК РФ двор содержит управляющая компания, так как дом в её управлении.")]
    [InlineData("Согласно 59-ФЗ ответ дан в срок: яма заделана 12.05.")]
    public void NoBareLegalReference_LawWithReasonOrAction_NotPenalised(string text)
    {
        var legal = Score(text)[AnswerCriterionKind.NoBareLegalReference];

        Assert.True(legal.Met);
        Assert.Equal(0, legal.Points);
        Assert.Contains("с пояснением или действием", legal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void NotContradictory_DoneAndImpossibleWithoutReason_Penalised()
    {
        var result = Score("Работы выполнены. Ремонт кровли провести не представляется возможным.");
        var contradiction = result[AnswerCriterionKind.NotContradictory];

        Assert.False(contradiction.Met);
        Assert.Equal(-30, contradiction.Points);
        Assert.Equal(
            "противоречие: работа названа выполненной («выполнены») и невозможной («не представляется возможным») без объяснения причины",
            contradiction.Reason);
        Assert.Equal(40, result.Score);
    }

    [Theory]
    [InlineData("Ямочный ремонт выполнен. Замену покрытия провести не представляется возможным из-за отсутствия финансирования.")]
    [InlineData("Ремонт кровли не представляется возможным.")]
    public void NotContradictory_PartialAnswerWithReasonOrNothingDone_NotPenalised(string text)
    {
        Assert.True(Score(text)[AnswerCriterionKind.NotContradictory].Met);
    }

    [Fact]
    public void Score_CompleteAnswer_Is100WithEveryBonus()
    {
        var result = Score(
            "[id500000101|Мария], добрый день! Утечка на ул. Мостовой устранена 14.12, асфальт восстановят до 20.12. Фото прилагаем.",
            ["photo"]);

        Assert.Equal(100, result.Score);
        Assert.False(result.IsFormal);
        Assert.All(result.Criteria, c => Assert.True(c.Met, c.Reason));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("👍")]
    [InlineData(".")]
    [InlineData("🔥🔥🔥")]
    public void Score_EmptyOrEmojiOnly_ZeroNotFormalAndEveryCriterionReported(string text)
    {
        var result = Score(text);

        Assert.Equal(0, result.Score);
        Assert.False(result.IsFormal);
        Assert.Equal(Enum.GetValues<AnswerCriterionKind>(), result.Criteria.Select(c => c.Kind));
        Assert.DoesNotContain(result.Criteria, c => c.Points != 0);
    }

    [Fact]
    public void Score_AllPenalties_ClampedToZero()
    {
        var result = Score("В соответствии с 59-ФЗ всё сделано, но это невозможно.");

        Assert.Equal(0, result.Score);
        Assert.Equal(-20, result.Criteria.Sum(c => c.Points));
        Assert.True(result.IsFormal);
    }

    [Fact]
    public void Score_SameInputTwiceAndAcrossInstances_SameResult()
    {
        const string text = "Уважаемая Ольга Петровна! Отопление будет включено завтра, 15 октября. Передано в работу.";
        var first = Score(text, ["photo"], "Ольга Бондаренко");
        var second = Score(text, ["photo"], "Ольга Бондаренко");
        var fresh = new AnswerRubric(AnswerTestSetup.RubricOptions()).Score(text, ["photo"], "Ольга Бондаренко");

        Assert.Equal(first.Score, second.Score);
        Assert.Equal(first.Criteria, second.Criteria);
        Assert.Equal(first.Criteria, fresh.Criteria);
        Assert.Equal(first.Summary, fresh.Summary);
        Assert.Equal(100, first.Score);
    }

    [Fact]
    public void Score_WeightsFromOptions_Used()
    {
        var options = AnswerTestSetup.RubricOptions();
        options.ActionPoints = 55;
        options.DeadlinePoints = 5;
        var result = new AnswerRubric(options).Score("Бригада выехала, ремонт будет завтра.", []);

        Assert.Equal(55, result[AnswerCriterionKind.Action].Points);
        Assert.Equal(5, result[AnswerCriterionKind.Deadline].Points);
        Assert.Equal(60, result.Score);
    }

    [Fact]
    public void Summary_ListsScoringCriteriaWithSigns()
    {
        var summary = Score("Ваше обращение принято.", ["photo"]).Summary;

        Assert.Equal("+20 приложено: фото", summary);
        Assert.Equal("−40 формальная отписка: «обращение принято» без действия, срока и подтверждения", Score("Ваше обращение принято.").Summary);
    }
}
