using Mcu.Monitor.Incidents;
using Mcu.Monitor.Localities;
using Mcu.Monitor.Tests.TestSupport;

namespace Mcu.Monitor.Tests.Incidents;

/// <summary>The merge rule case by case (its quality on the labelled pairs is in <see cref="MergeQualityTests"/>).</summary>
public class MergeDecisionTests
{
    private static readonly MergeDecision Decision = new(
        TestConfiguration.Bind<IncidentMergeOptions>("Incidents:Merge"), new LocalityDetector(TestConfiguration.Territory()).IsPlaceWord);

    [Fact]
    public void SameProblemInOtherWords_Merges()
    {
        var verdict = Decision.Decide(
            new MergeSide("tko", "ilovka", "В Иловке контейнеры переполнены, мусор не вывозят уже неделю, собаки растаскивают пакеты"),
            new MergeSide("tko", "ilovka", "Иловка: мусор не вывозят, контейнеры переполнены, пакеты растаскивают собаки"));

        Assert.True(verdict.Merge, verdict.Reason);
    }

    [Fact]
    public void AnotherLocality_NeverMerges()
    {
        var verdict = Decision.Decide(
            new MergeSide("tko", "ilovka", "Контейнеры переполнены, мусор не вывозят уже неделю, собаки растаскивают пакеты"),
            new MergeSide("tko", "khlevishche", "Контейнеры переполнены, мусор не вывозят уже неделю, собаки растаскивают пакеты"));

        Assert.False(verdict.Merge);
    }

    [Fact]
    public void AnotherSector_NeverMerges()
    {
        var verdict = Decision.Decide(
            new MergeSide("roads", "ilovka", "Возле школы огромная яма на дороге, машины бьют колёса, дети ходят по обочине"),
            new MergeSide("education", "ilovka", "Возле школы огромная яма на дороге, машины бьют колёса, дети ходят по обочине"));

        Assert.False(verdict.Merge);
    }

    [Fact]
    public void SameSectorAndPlaceButAnotherHouse_DoesNotMerge()
    {
        var verdict = Decision.Decide(
            new MergeSide("zhkh", "alekseevka", "Пушкина 3: третий день нет горячей воды, управляющая компания трубку не берёт"),
            new MergeSide("zhkh", "alekseevka", "Пушкина 13: третий день нет горячей воды, управляющая компания трубку не берёт"));

        Assert.False(verdict.Merge, verdict.Reason);
    }

    [Fact]
    public void ShortTexts_DoNotShareEnoughWordsToMerge()
    {
        var verdict = Decision.Decide(new MergeSide("zhkh", null, "нет воды"), new MergeSide("zhkh", null, "нет воды"));

        Assert.False(verdict.Merge);
    }

    [Fact]
    public void Decision_IsDeterministic()
    {
        var a = new MergeSide("roads", "alekseevka", "На Слободской не горят фонари, вечером темно, идти страшно, дети возвращаются из школы");
        var b = new MergeSide("roads", "alekseevka", "Слободская: фонари не горят уже неделю, темно и страшно");

        Assert.Equal(Decision.Decide(a, b), Decision.Decide(a, b));
    }
}
