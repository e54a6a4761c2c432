using Mcu.Monitor.Text;

namespace Mcu.Monitor.Tests.Text;

public class TermSetTests
{
    private static List<TermHit<string>> Match(string text, params string[] terms)
    {
        var set = new TermSet<string>(terms.Select(t => (t, "tag:" + t)));
        return set.Match(Tokenizer.Tokenize(TextNormalizer.ForMatching(text)));
    }

    [Theory]
    [InlineData("нет отопления третий день")]
    [InlineData("проблемы с отоплением")]
    [InlineData("Отопление не работает")]
    [InlineData("ОТОПЛЕНИЕ")]
    public void Match_WordTerm_MatchesCaseForms(string text)
    {
        var hit = Assert.Single(Match(text, "отопление"));
        Assert.Equal("отопление", hit.Term);
    }

    [Fact]
    public void Match_WordTerm_DifferentWordNotMatched()
    {
        Assert.Empty(Match("нет света", "отопление"));
    }

    [Theory]
    [InlineData("нет воды")]
    [InlineData("воды нет")]
    [InlineData("нет с утра горячей воды")]
    [InlineData("воды с самого утра нет")]
    public void Match_Phrase_MatchesEitherOrderWithinWindow(string text)
    {
        var hit = Assert.Single(Match(text, "нет воды"));
        Assert.Equal("нет воды", hit.Term);
    }

    [Theory]
    [InlineData("нет с самого утра горячей воды")]
    [InlineData("воды много было а сейчас совсем нет")]
    public void Match_PhraseWordsTooFarApart_NoHit(string text)
    {
        Assert.Empty(Match(text, "нет воды"));
    }

    [Fact]
    public void Match_PhraseWithOnlyOneWord_NoHit()
    {
        Assert.Empty(Match("воды хватает", "нет воды"));
    }

    [Fact]
    public void Match_PrefixTerm_MatchesLongerWord()
    {
        var hit = Assert.Single(Match("мусоровоз не приехал", "мусор*"));

        Assert.Equal("мусор*", hit.Term);
        Assert.Equal("мусоровоз", hit.MatchedWord);
    }

    [Fact]
    public void Match_PrefixTerm_OtherWordNotMatched()
    {
        Assert.Empty(Match("мурлыкает кот", "мусор*"));
    }

    [Fact]
    public void Match_TermOccurringThreeTimes_ReportedOnce()
    {
        var hit = Assert.Single(Match("отопление, отопления нет, где отопление?", "отопление"));
        Assert.Equal("отопление", hit.Term);
    }

    [Fact]
    public void Match_Hit_ReportsConfiguredTermTagAndMatchedWord()
    {
        var hit = Assert.Single(Match("Третий день без Отопления", "Отопление"));

        Assert.Equal("Отопление", hit.Term);
        Assert.Equal("tag:Отопление", hit.Tag);
        Assert.Equal("отопления", hit.MatchedWord);
    }

    [Fact]
    public void Match_SeveralTerms_EachReported()
    {
        var hits = Match("нет воды и мусор не вывозят", "нет воды", "мусор*", "отопление");

        Assert.Equal(["нет воды", "мусор*"], hits.Select(h => h.Term));
    }

    [Fact]
    public void Match_TermsInTheTextInReverseOrder_ReportedInTheConfiguredOrder()
    {
        var hits = Match("отопление не работает, мусор лежит, дорога разбита, воды нет", "нет воды", "дорога", "мусор*", "отопление");

        Assert.Equal(["нет воды", "дорога", "мусор*", "отопление"], hits.Select(h => h.Term));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! ...")]
    public void Match_EmptyText_NoHits(string text)
    {
        Assert.Empty(Match(text, "отопление", "мусор*", "нет воды"));
    }

    [Fact]
    public void Count_BlankTerms_Skipped()
    {
        var set = new TermSet<int>([("отопление", 1), ("  ", 2), ("нет воды", 3)]);

        Assert.Equal(2, set.Count);
    }
}
