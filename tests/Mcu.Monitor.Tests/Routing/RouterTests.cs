using Mcu.Monitor.Routing;
using Mcu.Monitor.Tests.TestSupport;
using Mcu.Monitor.Text;

namespace Mcu.Monitor.Tests.Routing;

public class RouterTests
{
    private static readonly Router Shipped = new(TestConfiguration.Routing());

    private static List<Token> Tokens(string text) => Tokenizer.Tokenize(TextNormalizer.ForMatching(text));

    [Theory]
    [InlineData("Сильный запах газа в подъезде")]
    [InlineData("Газа пахнет в подъезде")]
    [InlineData("Вызвали газовщиков, никто не едет")]
    public void Route_ZhkhWithGasWords_Gas(string text)
    {
        var decision = Shipped.Route("zhkh", "alekseevka", Tokens(text));

        Assert.Equal("gas", decision.RecipientId);
        Assert.StartsWith("правило 1:", decision.Reason);
    }

    [Fact]
    public void Route_ZhkhWithoutGasWords_Zhkh()
    {
        var decision = Shipped.Route("zhkh", "alekseevka", Tokens("Нет отопления третий день"));

        Assert.Equal("zhkh", decision.RecipientId);
        Assert.StartsWith("правило 5:", decision.Reason);
    }

    [Fact]
    public void Route_RoadsInIlovka_TerritorialAdministration()
    {
        Assert.Equal("ta-ilovka", Shipped.Route("roads", "ilovka", Tokens("Яма на дороге")).RecipientId);
    }

    [Theory]
    [InlineData("alekseevka")]
    [InlineData("krasnoe")]
    [InlineData(null)]
    public void Route_RoadsElsewhereOrNoLocality_Roads(string? localityId)
    {
        Assert.Equal("roads", Shipped.Route("roads", localityId, Tokens("Яма на дороге")).RecipientId);
    }

    [Theory]
    [InlineData("ilovka")]
    [InlineData(null)]
    public void Route_Transport_Roads(string? localityId)
    {
        Assert.Equal("roads", Shipped.Route("transport", localityId, Tokens("Автобус не пришёл")).RecipientId);
    }

    [Fact]
    public void Route_Tko_TkoOperator()
    {
        Assert.Equal("tko-operator", Shipped.Route("tko", null, Tokens("Мусор не вывозят")).RecipientId);
    }

    [Fact]
    public void Route_GasWordsInOtherSector_NotGas()
    {
        Assert.Equal("tko-operator", Shipped.Route("tko", null, Tokens("запах газа от мусорки")).RecipientId);
    }

    [Fact]
    public void Route_OtherSector_DefaultRecipient()
    {
        var decision = Shipped.Route("other", "ilovka", Tokens("Спасибо за праздник"));

        Assert.Equal("mcu", decision.RecipientId);
        Assert.Equal("получатель по умолчанию", decision.Reason);
    }

    [Fact]
    public void Route_RuleWithEmptySector_MatchesAnySector()
    {
        var router = new Router(new RoutingOptions
        {
            DefaultRecipient = "mcu",
            Rules = [new RoutingRuleOptions { Sector = "", Locality = "ilovka", Recipient = "ta-ilovka" }],
        });

        Assert.Equal("ta-ilovka", router.Route("zhkh", "ilovka", Tokens("нет воды")).RecipientId);
        Assert.Equal("ta-ilovka", router.Route("other", "ilovka", Tokens("вопрос")).RecipientId);
        Assert.Equal("mcu", router.Route("zhkh", "krasnoe", Tokens("нет воды")).RecipientId);
    }

    [Fact]
    public void Route_KeywordRuleWithoutKeyword_DoesNotFire()
    {
        var router = new Router(new RoutingOptions
        {
            DefaultRecipient = "mcu",
            Rules =
            [
                new RoutingRuleOptions { Sector = "zhkh", Keywords = ["Жилсервис"], Recipient = "uk" },
                new RoutingRuleOptions { Sector = "zhkh", Recipient = "zhkh" },
            ],
        });

        Assert.Equal("zhkh", router.Route("zhkh", null, Tokens("течёт крыша")).RecipientId);
        Assert.Equal("uk", router.Route("zhkh", null, Tokens("Жилсервис не отвечает")).RecipientId);
    }

    [Fact]
    public void Route_MatchedRule_ReasonNamesRuleNumber()
    {
        var router = new Router(new RoutingOptions
        {
            DefaultRecipient = "mcu",
            Rules =
            [
                new RoutingRuleOptions { Sector = "tko", Recipient = "tko-operator" },
                new RoutingRuleOptions { Sector = "roads", Locality = "ilovka", Recipient = "ta-ilovka" },
            ],
        });

        var decision = router.Route("roads", "ilovka", Tokens("яма"));

        Assert.Equal("ta-ilovka", decision.RecipientId);
        Assert.StartsWith("правило 2:", decision.Reason);
        Assert.Contains("ilovka", decision.Reason);
    }

    [Fact]
    public void Route_NoRules_DefaultRecipient()
    {
        var router = new Router(new RoutingOptions { DefaultRecipient = "mcu" });

        var decision = router.Route("zhkh", "ilovka", Tokens("нет воды"));

        Assert.Equal("mcu", decision.RecipientId);
        Assert.Equal("получатель по умолчанию", decision.Reason);
    }
}
