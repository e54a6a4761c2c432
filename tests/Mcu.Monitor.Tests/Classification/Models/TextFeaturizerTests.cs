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
        var vector = featurizer.Featurize("яма яма яма");
        var stem = featurizer.Vocabulary.IndexOf(FeatureVocabulary.Word, "ям");

        // one stem among the word features: unit length after scaling, whatever its count (1 + ln 3)
        Assert.True(stem >= 0);
        Assert.Single(vector.Indices, stem);
        Assert.Equal(1f, vector.Values[Array.IndexOf(vector.Indices, stem)], 5);
        Assert.True(vector.Indices.Zip(vector.Indices.Skip(1)).All(p => p.First < p.Second), "indices ascend");
    }
}
