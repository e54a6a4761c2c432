using Mcu.Monitor.Incidents;

namespace Mcu.Monitor.Tests.Incidents;

public class TextSimilarityTests
{
    [Fact]
    public void Of_SameOutageInOtherWords_IsHigh() =>
        Assert.True(TextSimilarity.Of(
            "Третий день нет горячей воды на Слободской, управляющая компания молчит",
            "На Слободской горячей воды нет уже три дня, УК трубку не берёт") >= 0.4);

    [Fact]
    public void Of_UnrelatedComplaints_IsLow() =>
        Assert.True(TextSimilarity.Of("Яма на дороге у школы, машины бьют колёса", "Мусор не вывозят неделю, контейнеры полные") < 0.2);

    [Fact]
    public void Of_TwoShortTextsSharingOneWord_IsBelowAHalf() =>
        Assert.Equal(0.25, TextSimilarity.Of("еле тёплые", "теплее не стало"), 3);

    [Theory]
    [InlineData("", "нет воды")]
    [InlineData("😀😀", "нет воды")]
    [InlineData("и в на", "нет воды")]
    public void Of_TextWithoutContentWords_IsZero(string a, string b) => Assert.Equal(0, TextSimilarity.Of(a, b));

    [Fact]
    public void Of_IsSymmetric() =>
        Assert.Equal(TextSimilarity.Of("нет воды в Иловке третий день", "в Иловке воды нет"), TextSimilarity.Of("в Иловке воды нет", "нет воды в Иловке третий день"));
}
