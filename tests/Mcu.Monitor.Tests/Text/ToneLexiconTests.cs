using System.Globalization;
using Lucene.Net.Analysis.Ru;
using Mcu.Monitor.Text;

namespace Mcu.Monitor.Tests.Text;

public class ToneLexiconTests
{
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
            var emoji = e.Key.Length == 2 ? char.IsSurrogatePair(e.Key[0], e.Key[1]) : e.Key.Length == 1 && e.Key[0] > 0x2000;
            Assert.True(emoji || e.Key.All(char.IsLetter), $"«{e.Key}» is neither a word nor one emoji");
            Assert.True(emoji || e.Key == TextNormalizer.FoldCase(e.Key), $"«{e.Key}» is not lower case with ё as е");
        });
    }

    [Fact]
    public void ScoreOf_EveryWord_IsTheMeanOfTheWordsSharingItsStem()
    {
        // the lexicon is read as stems, as texts are: «бесит» and «бесят» are one feature
        var words = FileEntries().Where(e => e.Key.All(char.IsLetter) && !StopStems.Contains(RussianStemmer.Stem(e.Key))).ToList();
        var means = words.GroupBy(e => RussianStemmer.Stem(e.Key)).ToDictionary(g => g.Key, g => g.Average(e => e.Score));

        Assert.Contains(means.Keys, stem => words.Count(w => RussianStemmer.Stem(w.Key) == stem) > 1);
        Assert.All(words, w => Assert.Equal(means[RussianStemmer.Stem(w.Key)], ToneLexicon.ScoreOf(w.Key), 5));
    }

    [Fact]
    public void ScoreOf_StopWords_OnlyThoseWrittenInTheFileAreScored()
    {
        // «ною» stems to «но»: without the rule every «но» would count as a complaint
        var inFile = FileEntries().Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var scored = StopWords.Where(w => ToneLexicon.ScoreOf(w) != 0).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(0, ToneLexicon.ScoreOf("но"));
        Assert.Equal([.. StopWords.Where(inFile.Contains).Order(StringComparer.Ordinal)], scored);
        Assert.Contains("хорошо", scored);
        Assert.Equal(ToneLexicon.ScoreOf("хорошо"), ToneLexicon.ScoreOf("хороший"));
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

    [Fact]
    public void Tally_WordAfterNe_CountsWithTheOppositeSign()
    {
        const string Text = "не бесит";
        var tally = ToneLexicon.Tally(Tokens(Text), Text);

        Assert.Equal(-ToneLexicon.ScoreOf("бесит"), tally.Positive, 5);
        Assert.Equal(0, tally.NegativeWords);
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
    public void Version_IsTheFilesHashPrefix()
    {
        Assert.Matches("^tone-[0-9a-f]{8}$", ToneLexicon.Version);
    }

    private static readonly HashSet<string> StopWords =
        [.. RussianAnalyzer.DefaultStopSet.Select(w => TextNormalizer.FoldCase(w.ToString()!))];

    // stems of the stop words the file does not score itself
    private static readonly HashSet<string> StopStems =
        [.. StopWords.Where(w => !FileEntries().Any(e => e.Key == w)).Select(RussianStemmer.Stem)];

    private static List<Token> Tokens(string text) => Tokenizer.Tokenize(TextNormalizer.ForModel(text));

    private static List<(string Key, float Score)> FileEntries()
    {
        using var stream = typeof(ToneLexicon).Assembly.GetManifestResourceStream("Mcu.Monitor.Text.tone-ru.tsv")!;
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
