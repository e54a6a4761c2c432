using System.Globalization;
using System.Security.Cryptography;
using Mcu.Monitor.Text;

namespace Mcu.Monitor.Tests.Text;

public class ToneLexiconTests
{
    private const string ResourceName = "Mcu.Monitor.Text.tone-ru.tsv";

    [Fact]
    public void File_EveryEntry_IsOneLowerCaseWordOrOneEmojiWithAScoreFromMinus3To3()
    {
        var entries = FileEntries();

        Assert.True(entries.Count > 4000, $"only {entries.Count} entries");
        Assert.Equal(entries.Count, entries.Select(e => e.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.All(entries, e =>
        {
            Assert.InRange(e.Score, -3, 3);
            Assert.NotEqual(0, e.Score);
            // the rule the product reads emoji by: an entry it would not read as one emoji must be a word
            var emoji = ToneLexicon.IsEmoji(e.Key);
            Assert.True(emoji || e.Key.All(char.IsLetter), $"«{e.Key}» is neither a word nor one emoji");
            Assert.True(emoji || e.Key == TextNormalizer.SqueezeStretchedLetters(TextNormalizer.FoldCase(e.Key)),
                $"«{e.Key}» is not written as texts are read (lower case, е for ё, no stretched vowels)");
        });
        Assert.Equal(entries.Count, ToneLexicon.Count);
    }

    [Theory]
    [InlineData("бесит", -1)]
    [InlineData("Задолбали", -1)]
    [InlineData("кринж", -1)]
    [InlineData("кайф", 1)]
    [InlineData("ору", 1)]
    [InlineData("😡", -1)]
    [InlineData("🥰", 1)]
    [InlineData("дорога", 0)]
    [InlineData("🚌", 0)]
    public void ScoreOf_SocialNetworkWords_HaveTheirSign(string wordOrEmoji, int sign)
    {
        Assert.Equal(sign, Math.Sign(ToneLexicon.ScoreOf(wordOrEmoji)));
    }

    [Theory]
    [InlineData("Прошу сообщить, когда на ул. Ленина отремонтируют дорогу")]
    [InlineData("летом цены снова выросли, а фонари у дома горят через один")]
    [InlineData("любой житель может прийти; ранее объявление повесили на доске")]
    [InlineData("маршрут 5 отменяли на время ремонта моста")]
    [InlineData("Добрый день! Прошу восстановить освещение на ул. Победы. С уважением, Иванова")]
    [InlineData("в первую очередь прошу убрать яму и лужу на крутом повороте")]
    public void Tally_MunicipalWordsThatShareAStemWithLexiconWords_ScoreNothing(string text)
    {
        // by stem «ул» was «улов» (+2), «сообщить» «сообща» (+2), «лет» «лето», «горят» «горе» (−3), «ранее» «ранен»,
        // «повесили» «повесился», «любой» «любить»; words now match as written
        Assert.Equal(default, ToneLexicon.Tally(Tokens(text), text));
    }

    [Fact]
    public void ScoreOf_WordsOfOppositeSignsSharingAStem_KeepTheirOwnScores()
    {
        // «отменили» (cancelled) and «отменный» (excellent) share the Snowball stem «отмен»
        Assert.Equal(RussianStemmer.Stem("отменили"), RussianStemmer.Stem("отменный"));
        Assert.True(ToneLexicon.ScoreOf("отменили") < 0);
        Assert.True(ToneLexicon.ScoreOf("отменный") > 0);
    }

    [Fact]
    public void Tally_WordsAndEmoji_SumsEachSideAndCountsThem()
    {
        const string Text = "ужас, опять всё бесит 😡😡 но котик кайф ❤️";
        var tally = ToneLexicon.Tally(Tokens(Text), Text);

        Assert.Equal(-(ToneLexicon.ScoreOf("ужас") + ToneLexicon.ScoreOf("бесит") + (2 * ToneLexicon.ScoreOf("😡"))), tally.Negative, 5);
        Assert.Equal(4, tally.NegativeWords);
        // «❤️» is ❤ and a variation selector, which is no symbol of its own
        Assert.Equal(ToneLexicon.ScoreOf("кайф") + ToneLexicon.ScoreOf("❤"), tally.Positive, 5);
        Assert.Equal(2, tally.PositiveWords);
    }

    [Theory]
    [InlineData("не бесит")]
    [InlineData("меня не очень бесит")]
    public void Tally_NegatedWord_CountsWithTheOppositeSign(string text)
    {
        var tally = ToneLexicon.Tally(Tokens(text), text);

        Assert.Equal(-ToneLexicon.ScoreOf("бесит"), tally.Positive, 5);
        Assert.Equal(0, tally.NegativeWords);
    }

    [Fact]
    public void ScoreOf_EmojiWithVariationSelector_IsTheEmojisScore()
    {
        Assert.Equal(ToneLexicon.ScoreOf("❤"), ToneLexicon.ScoreOf("❤\uFE0F"));
        Assert.True(ToneLexicon.ScoreOf("❤") > 0);
    }

    [Fact]
    public void Tally_WordAfterBez_CountsWithTheOppositeSign()
    {
        const string Text = "всё прошло без проблем";
        var tally = ToneLexicon.Tally(Tokens(Text), Text);

        Assert.True(ToneLexicon.ScoreOf("проблем") < 0);
        Assert.Equal(-ToneLexicon.ScoreOf("проблем"), tally.Positive, 5);
    }

    [Theory]
    [InlineData("")]
    [InlineData("автобус 12 ходит по расписанию")]
    [InlineData("🚌🚌")]
    public void Tally_NoLexiconEntries_IsZero(string text)
    {
        Assert.Equal(default, ToneLexicon.Tally(Tokens(text), text));
    }

    [Fact]
    public void Version_IsTheStartOfTheFilesSha256()
    {
        using var stream = typeof(ToneLexicon).Assembly.GetManifestResourceStream(ResourceName)!;

        Assert.Equal("tone-" + Convert.ToHexStringLower(SHA256.HashData(stream))[..8] + "-r2", ToneLexicon.Version);
    }

    private static List<Token> Tokens(string text) => Tokenizer.Tokenize(TextNormalizer.ForModel(text));

    private static List<(string Key, float Score)> FileEntries()
    {
        using var stream = typeof(ToneLexicon).Assembly.GetManifestResourceStream(ResourceName)!;
        using var reader = new StreamReader(stream);
        var entries = new List<(string, float)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                var parts = line.Split('\t');
                Assert.Equal(2, parts.Length);
                entries.Add((parts[0], float.Parse(parts[1], CultureInfo.InvariantCulture)));
            }
        }

        return entries;
    }
}
