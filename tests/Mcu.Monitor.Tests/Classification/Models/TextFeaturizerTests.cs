using Mcu.Monitor.Classification.Models;
using Mcu.Monitor.Tests.MachineLearning;

namespace Mcu.Monitor.Tests.Classification.Models;

public class TextFeaturizerTests
{
    private static TextFeaturizer Featurizer(IEnumerable<string> texts)
    {
        var featurizer = new TextFeaturizer(TinyCorpus.Lexicon(), new FeaturizerSettings { MinDocumentFrequency = 1, SentimentLexicon = true });
        featurizer.UseVocabulary(FeatureVocabulary.Build(texts, featurizer));
        return featurizer;
    }

    [Fact]
    public void Featurize_AfterOtherTextsAndVocabularies_GivesTheSameVector()
    {
        // the per-thread scratch (occurrence counts, seen bits) must be clean after every call, whichever vocabulary used it
        var large = Featurizer(TinyCorpus.Texts.Select(t => t.Text));
        var small = Featurizer(["яма на дороге"]);
        const string text = "яма на дороге, яма у школы, опять яма!";
        var first = large.Featurize(text);

        small.Featurize("яма яма яма на дороге");
        large.Featurize(TinyCorpus.Texts[0].Text);
        var again = large.Featurize(text);

        Assert.Equal(first.Indices, again.Indices);
        Assert.Equal(first.Values, again.Values);
    }

    [Fact]
    public void Featurize_RepeatedWord_CountsItOnceWithOnePlusLnOfItsCount()
    {
        var featurizer = Featurizer(["яма на дороге"]);
        var vector = featurizer.Featurize("яма яма яма дороге");
        var pit = featurizer.Vocabulary.IndexOf(FeatureVocabulary.Word, "ям");
        var road = featurizer.Vocabulary.IndexOf(FeatureVocabulary.Word, "дорог");

        // each stem once, «ям» with 1 + ln 3 against «дорог»'s 1 (before the group is scaled to unit length)
        Assert.Single(vector.Indices, pit);
        Assert.Single(vector.Indices, road);
        Assert.Equal(1 + Math.Log(3), vector.Values[Array.IndexOf(vector.Indices, pit)] / vector.Values[Array.IndexOf(vector.Indices, road)], 5);
        Assert.True(vector.Indices.Zip(vector.Indices.Skip(1)).All(p => p.First < p.Second), "indices ascend");
    }

    [Fact]
    public void Featurize_ManyTexts_EqualsSortingTheOccurrences()
    {
        // the bitset read in index order against the plain reference: every occurrence listed, sorted, counted
        var texts = TinyCorpus.Texts.Select(t => t.Text).ToList();
        var featurizer = Featurizer(texts);
        foreach (var text in texts.Append("яма яма яма, мусор и снова мусор 😡😡 на остановке").Append(""))
        {
            var sink = new ListSink { Vocabulary = featurizer.Vocabulary, Found = [] };
            featurizer.EnumerateNGrams(text, ref sink);
            var expected = sink.Found.CountBy(i => i).OrderBy(p => p.Key).ToList();

            var vector = featurizer.Featurize(text);
            var ngrams = vector.Indices.Select((index, k) => (index, k)).Where(p => featurizer.Vocabulary.Kinds[p.index] != FeatureVocabulary.Special).ToList();

            Assert.Equal(expected.Select(p => p.Key), ngrams.Select(p => p.index));
            // within a group, values are proportional to 1 + ln(count)
            foreach (var group in ngrams.GroupBy(p => featurizer.Vocabulary.Kinds[p.index] is FeatureVocabulary.Word or FeatureVocabulary.Bigram ? 'w' : featurizer.Vocabulary.Kinds[p.index]))
            {
                var first = group.First();
                var firstCount = expected.First(e => e.Key == first.index).Value;
                foreach (var (index, k) in group)
                {
                    var count = expected.First(e => e.Key == index).Value;
                    Assert.Equal((1 + Math.Log(count)) / (1 + Math.Log(firstCount)), vector.Values[k] / vector.Values[first.k], 4);
                }
            }
        }
    }

    private struct ListSink : TextFeaturizer.IFeatureSink
    {
        public FeatureVocabulary Vocabulary;
        public List<int> Found;

        public readonly void Add(char kind, ulong hash, ReadOnlySpan<char> text)
        {
            if (Vocabulary.TryGet(hash, out var index))
            {
                Found.Add(index);
            }
        }
    }
}
