using Mcu.Monitor.Classification;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Tests.TestSupport;

namespace Mcu.Monitor.Tests.Classification;

public class LexiconClassifierTests
{
    private static readonly LexiconClassifier Classifier = new(TestConfiguration.Classification());

    [Theory]
    [InlineData("Третий день нет горячей воды, батареи холодные. Сколько можно?", "zhkh")]
    [InlineData("Мусор не вывозят уже неделю, контейнеры переполнены", "tko")]
    [InlineData("Когда придёт выплата многодетным семьям? Обещали ещё в октябре", "social")]
    [InlineData("Не можем получить место в детском саду, очередь не двигается", "education")]
    [InlineData("Огромная яма на дороге, машины бьют колёса, когда отремонтируют?", "roads")]
    [InlineData("Автобус опять не пришёл по расписанию, люди мёрзнут на остановке", "transport")]
    public void Classify_TypicalComplaint_SectorAndAppeal(string text, string sector)
    {
        var result = Classifier.Classify(text, Engagement.None);
        Assert.Equal(sector, result.Sector);
        Assert.True(result.IsAppeal, string.Join(" | ", result.Reasons));
    }

    [Theory]
    [InlineData("Огромное спасибо коммунальщикам за быструю работу!")]
    [InlineData("Продам гараж недорого, звоните")]
    [InlineData("Поздравляем всех с праздником! Приглашаем на концерт в субботу")]
    [InlineData("отличная погода сегодня")]
    public void Classify_NotAnAppeal_IsNotAppealAndLowRisk(string text)
    {
        var result = Classifier.Classify(text, Engagement.None);
        Assert.False(result.IsAppeal, string.Join(" | ", result.Reasons));
        Assert.Equal(RiskLevel.Low, result.Risk);
    }

    [Fact]
    public void Classify_ThreatsAndChildrenWithoutHeating_HighOrCritical()
    {
        var result = Classifier.Classify(
            "Дети без отопления уже неделю, в квартире +14! Безобразие! Будем писать в прокуратуру и губернатору", new Engagement(120, 40, 15, 3000));
        Assert.True(result.IsAppeal);
        Assert.True(result.Risk >= RiskLevel.High, string.Join(" | ", result.Reasons));
        var risk = result.Reasons.Single(r => r.StartsWith("риск", StringComparison.Ordinal));
        Assert.Contains("прокуратур", risk, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_Reasons_NameTheMatchedTerms()
    {
        var result = Classifier.Classify("Мусор не вывозят, контейнеры переполнены", Engagement.None);
        Assert.Contains(result.Reasons, r => r.StartsWith("сектор tko", StringComparison.Ordinal) && r.Contains('«', StringComparison.Ordinal));
        Assert.StartsWith("lexicon-", result.ModelVersion, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("😡😡😡👍🏻")]
    [InlineData("+")]
    [InlineData("123 456")]
    public void Classify_NoWords_OtherNotAppealLow(string text)
    {
        var result = Classifier.Classify(text, Engagement.None);
        Assert.Equal(Sectors.Other, result.Sector);
        Assert.False(result.IsAppeal);
        Assert.Equal(RiskLevel.Low, result.Risk);
        Assert.NotEmpty(result.Reasons);
    }

    [Fact]
    public void Classify_CommentWithoutSectorWords_TakesParentSector()
    {
        var result = Classifier.Classify("у нас на Мостовой то же самое", Engagement.None, new ParentContext("zhkh", true));
        Assert.Equal("zhkh", result.Sector);
        Assert.Contains(result.Reasons, r => r.Contains("родительскому", StringComparison.Ordinal));
        Assert.Equal(Sectors.Other, Classifier.Classify("у нас на Мостовой то же самое", Engagement.None).Sector);
    }

    [Fact]
    public void Classify_CommentWithOwnSectorWords_KeepsOwnSector()
    {
        var result = Classifier.Classify("а автобус вообще не ходит", Engagement.None, new ParentContext("zhkh", true));
        Assert.Equal("transport", result.Sector);
    }

    [Fact]
    public void Classify_ShoutingAndProfanity_RaiseRisk()
    {
        var calm = Classifier.Classify("яма на дороге, когда отремонтируют", Engagement.None);
        var angry = Classifier.Classify("ЯМА НА ДОРОГЕ ОПЯТЬ, БЛЯ, КОГДА ОТРЕМОНТИРУЮТ УЖЕ", Engagement.None);
        Assert.True(angry.RiskScore > calm.RiskScore, $"{angry.RiskScore} vs {calm.RiskScore}");
    }

    [Fact]
    public void Classify_OneMegabyteText_FinishesAndStaysDeterministic()
    {
        var text = string.Concat(Enumerable.Repeat("нет горячей воды в доме, управляющая компания молчит. ", 20_000));
        Assert.True(text.Length > 1_000_000);
        var first = Classifier.Classify(text, Engagement.None);
        var second = Classifier.Classify(text, Engagement.None);

        Assert.Equal("zhkh", first.Sector);
        Assert.Equal(first.Reasons, second.Reasons);
    }

    [Fact]
    public void Classify_ConcurrentCalls_GiveSameAnswers()
    {
        var texts = new[] { "нет воды третий день", "яма на дороге", "спасибо за концерт", "автобус не пришёл" };
        var expected = texts.Select(t => Classifier.Classify(t, Engagement.None).Sector).ToArray();
        var results = new string[400];
        Parallel.For(0, results.Length, i => results[i] = Classifier.Classify(texts[i % texts.Length], Engagement.None).Sector);
        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % texts.Length], results[i]);
        }
    }

    [Fact]
    public void ModelVersion_ChangesWithTheLexicon()
    {
        var options = TestConfiguration.Classification();
        var before = new LexiconClassifier(options).ModelVersion;
        options.Lexicon.Sectors["zhkh"].Terms.Add("новоетестовоеслово");
        Assert.NotEqual(before, new LexiconClassifier(options).ModelVersion);
    }

    [Fact]
    public void Classify_SameReactionsGatheredFaster_RaisesRiskAndSaysWhy()
    {
        const string text = "яма на дороге у школы, когда отремонтируют";
        var slow = Classifier.Classify(text, new Engagement(60, 20, 5, 3000) { Age = TimeSpan.FromDays(5) });
        var fast = Classifier.Classify(text, new Engagement(60, 20, 5, 3000) { Age = TimeSpan.FromMinutes(30) });

        Assert.True(fast.RiskScore > slow.RiskScore, $"fast {fast.RiskScore}, slow {slow.RiskScore}");
        Assert.Contains(fast.Reasons, r => r.Contains("быстрый рост реакций", StringComparison.Ordinal));
        Assert.DoesNotContain(slow.Reasons, r => r.Contains("быстрый рост реакций", StringComparison.Ordinal));
    }

    [Fact]
    public void DecideRisk_ModelSaysNegativeAndInappropriate_AddsBothWithProbabilities()
    {
        const string text = "когда отремонтируют дорогу";
        var analysis = Classifier.Analyse(text);
        var calm = new List<string>();
        var (_, calmScore) = Classifier.DecideRisk(text, true, Engagement.None, analysis.Hits, calm, new ModelRiskSignals(0.1, 0.5, 0.1, 0.5));
        var angry = new List<string>();
        var (_, angryScore) = Classifier.DecideRisk(text, true, Engagement.None, analysis.Hits, angry, new ModelRiskSignals(0.9, 0.5, 0.8, 0.5));

        // 0.12 × 0.9 for tone and 0.1 × 0.8 for inappropriateness on top of the appeal's 0.25
        Assert.Equal(calmScore + (0.12 * 0.9) + (0.1 * 0.8), angryScore, 3);
        Assert.Contains("модель 0.90", angry[^1], StringComparison.Ordinal);
        Assert.Contains("неприемлемый тон (модель 0.80)", angry[^1], StringComparison.Ordinal);
    }
}
