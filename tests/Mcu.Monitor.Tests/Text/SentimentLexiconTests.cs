using Lucene.Net.Analysis.Ru;
using Mcu.Monitor.Text;

namespace Mcu.Monitor.Tests.Text;

public class SentimentLexiconTests
{
    [Fact]
    public void Load_EmbeddedFile_HoldsTheSourcesStemsButSix()
    {
        // sentiment-ru.tsv: NLP.js's afinn_ru.json has 6,434 stems (and a header row «word, score»); six were left out
        Assert.Equal(6428, SentimentLexicon.Count);
    }

    [Fact]
    public void ScoreOf_StopWords_OnlyKhoroshoIsScored()
    {
        // the source scored stems of function words (как -5, и 1.7, есть as ест -5) that occur in nearly every text;
        // of Snowball's Russian stop words only «хорошо» carries sentiment
        var scored = RussianAnalyzer.DefaultStopSet
            .Select(w => w.Replace('ё', 'е'))
            .Where(w => SentimentLexicon.ScoreOf(RussianStemmer.Stem(w)) != 0)
            .ToList();

        Assert.Equal(["хорошо"], scored);
    }

    [Theory]
    [InlineData("ужасная погода", -5)]
    [InlineData("отвратительно", -5)]
    [InlineData("прекрасный вечер", 5)]
    [InlineData("спасибо", 5)]
    public void ScoreOf_InflectedWords_FoundThroughTheProjectsStemmer(string text, float expected)
    {
        // the lexicon holds Snowball stems: it is only useful if the tokenizer's stems are the same
        var stem = Tokens(text)[0].Stem;

        Assert.Equal(expected, SentimentLexicon.ScoreOf(stem));
    }

    [Fact]
    public void Tally_MixedText_SumsEachSideAndCountsWords()
    {
        var tally = SentimentLexicon.Tally(Tokens("ужасная дорога, но прекрасный вид и хороший день"));

        Assert.Equal(5, tally.Negative);
        Assert.Equal(8.3f, tally.Positive, 3);
        Assert.Equal(1, tally.NegativeWords);
        Assert.Equal(2, tally.PositiveWords);
    }

    [Fact]
    public void Tally_WordAfterNe_CountsWithTheOppositeSign()
    {
        var tally = SentimentLexicon.Tally(Tokens("не плохо, но и не хорошо"));

        Assert.Equal(3.3f, tally.Negative, 3);
        Assert.Equal(5, tally.Positive);
    }

    [Theory]
    [InlineData("")]
    [InlineData("вода есть, свет есть")]
    [InlineData("🙂🙂🙂")]
    public void Tally_NoLexiconWords_IsZero(string text)
    {
        Assert.Equal(default, SentimentLexicon.Tally(Tokens(text)));
    }

    private static List<Token> Tokens(string text) => Tokenizer.Tokenize(TextNormalizer.ForModel(text));
}
