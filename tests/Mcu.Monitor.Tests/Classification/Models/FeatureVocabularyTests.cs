using Mcu.Monitor.Classification.Models;

namespace Mcu.Monitor.Tests.Classification.Models;

public class FeatureVocabularyTests
{
    [Fact]
    public void IndexOf_ManyEntries_FindsEachAtItsIndexAndNothingElse()
    {
        // enough entries that many share a first slot of the open-addressing table and are found by probing
        var entries = Enumerable.Range(0, 20_000).Select(i => (i % 3 == 0 ? FeatureVocabulary.Word : FeatureVocabulary.CharGram, "t" + i)).ToList();

        var vocabulary = new FeatureVocabulary(entries);

        for (var i = 0; i < entries.Count; i++)
        {
            Assert.Equal(i, vocabulary.IndexOf(entries[i].Item1, entries[i].Item2));
        }

        Assert.Equal(-1, vocabulary.IndexOf(FeatureVocabulary.Word, "t1")); // the text under another kind
        Assert.Equal(-1, vocabulary.IndexOf(FeatureVocabulary.Word, "t20000"));
        Assert.False(vocabulary.TryGet(FeatureHash.Of(FeatureVocabulary.Emoji, "t0"), out var index));
        Assert.Equal(-1, index);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(1023)]
    [InlineData(1024)]
    public void IndexOf_SizesAroundPowersOfTwo_FindsEveryEntry(int count)
    {
        var vocabulary = new FeatureVocabulary([.. Enumerable.Range(0, count).Select(i => (FeatureVocabulary.Word, "w" + i))]);

        Assert.All(Enumerable.Range(0, count), i => Assert.Equal(i, vocabulary.IndexOf(FeatureVocabulary.Word, "w" + i)));
        Assert.Equal(-1, vocabulary.IndexOf(FeatureVocabulary.Word, "w" + count));
    }

    [Fact]
    public void Constructor_DuplicateEntry_NamesItsLine()
    {
        var error = Assert.Throws<InvalidDataException>(() => new FeatureVocabulary([('w', "яма"), ('c', "ям"), ('w', "яма")]));

        Assert.Contains("duplicate entry w 'яма' at line 3", error.Message);
    }

    [Fact]
    public void IndexOf_EmptyVocabulary_FindsNothing()
    {
        Assert.Equal(-1, new FeatureVocabulary([]).IndexOf(FeatureVocabulary.Word, "яма"));
    }
}
