using Mcu.Monitor.Localities;
using Mcu.Monitor.Tests.TestSupport;

namespace Mcu.Monitor.Tests.Localities;

public class LocalityDetectorTests
{
    private static readonly LocalityDetector Detector = new(TestConfiguration.Territory());

    [Theory]
    [InlineData("В Иловке нет воды", "ilovka")]
    [InlineData("Иловка: нет света", "ilovka")]
    [InlineData("жители Хлевища жалуются", "khlevishche")]
    [InlineData("В Хлевище яма на дороге", "khlevishche")]
    [InlineData("с. Красное без газа", "krasnoe")]
    [InlineData("в селе Красном прорвало трубу", "krasnoe")]
    [InlineData("ул. Слободская, яма", "alekseevka")]
    [InlineData("на Слободской не горят фонари", "alekseevka")]
    [InlineData("Слободская улица вся в ямах", "alekseevka")]
    [InlineData("Матрено-Гезово осталось без света", "matreno-gezovo")]
    [InlineData("в Матрено-Гезове снова нет воды", "matreno-gezovo")]
    [InlineData("Батрацкая Дача: дорога разбита", "batratskaya-dacha")]
    [InlineData("в Батрацкой Даче нет газа", "batratskaya-dacha")]
    public void Detect_NamedPlace_ReturnsLocality(string text, string expectedId)
    {
        var match = Detector.Detect(text);

        Assert.NotNull(match);
        Assert.Equal(expectedId, match.LocalityId);
    }

    [Theory]
    [InlineData("Купила красное платье")]
    [InlineData("Советское шампанское к празднику")]
    [InlineData("Желаем всем мира на земле")]
    [InlineData("В День Победы на площади")]
    [InlineData("Слободская ярмарка открылась")]
    [InlineData("Сегодня хорошая погода, всем добра")]
    [InlineData("")]
    public void Detect_NoPlaceNamed_ReturnsNull(string text)
    {
        Assert.Null(Detector.Detect(text));
    }

    [Fact]
    public void Detect_TwoPlaces_FirstWins()
    {
        var match = Detector.Detect("Автобус из Хлевища в Иловку не пришёл");

        Assert.NotNull(match);
        Assert.Equal("khlevishche", match.LocalityId);
    }

    [Fact]
    public void Detect_TwoPlacesReversed_FirstWins()
    {
        var match = Detector.Detect("Автобус из Иловки в Хлевище не пришёл");

        Assert.NotNull(match);
        Assert.Equal("ilovka", match.LocalityId);
    }

    [Theory]
    [InlineData("На улице Мостовой в Иловке яма на дороге")]
    [InlineData("В Иловке на Мостовой яма на дороге")]
    public void Detect_StreetAndSettlement_SettlementWinsWhereverItStands(string text)
    {
        // village streets share names with the town's: a named settlement is the better answer
        Assert.Equal("ilovka", Detector.Detect(text)?.LocalityId);
    }

    [Fact]
    public void Detect_StreetOnly_TheTown() =>
        Assert.Equal("alekseevka", Detector.Detect("На улице Мостовой яма на дороге")?.LocalityId);

    [Fact]
    public void Detect_Match_ReportsNameAndMatchedWords()
    {
        var match = Detector.Detect("Снова в Матрено-Гезове нет воды");

        Assert.NotNull(match);
        Assert.Equal("с. Матрено-Гезово", match.LocalityName);
        Assert.Equal("матрено гезове", match.MatchedText);
    }

    [Fact]
    public void Detect_MarkedAlias_MatchedTextExcludesMarker()
    {
        var match = Detector.Detect("в селе Красном прорвало трубу");

        Assert.NotNull(match);
        Assert.Equal("красном", match.MatchedText);
    }

    [Fact]
    public void Detect_CustomMarkers_Honoured()
    {
        var options = new TerritoryOptions
        {
            Localities = [new LocalityOptions { Id = "x", Name = "X", Streets = ["Мира"] }],
            StreetPrepositions = [],
            StreetMarkers = ["ул"],
        };
        var detector = new LocalityDetector(options);

        Assert.Null(detector.Detect("на Мира яма"));
        Assert.Equal("x", detector.Detect("ул. Мира яма")?.LocalityId);
    }
}
