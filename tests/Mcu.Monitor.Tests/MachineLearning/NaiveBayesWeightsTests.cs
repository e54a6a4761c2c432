using Mcu.Monitor.Classification.Models;
using Mcu.Monitor.MachineLearning;

namespace Mcu.Monitor.Tests.MachineLearning;

public class NaiveBayesWeightsTests
{
    // features 0 and 1 are stems, 2 a named signal
    private static readonly char[] Kinds = [FeatureVocabulary.Word, FeatureVocabulary.Word, FeatureVocabulary.Special];

    private static FeatureVector V(params int[] indices) => new(indices, [.. indices.Select(_ => 0.5f)]);

    [Fact]
    public void Ratios_HandCountedTexts_AreTheSmoothedLogCountRatios()
    {
        // in the class: {0}, {0, 1}; out of it: {1}, {1, 2}. Counts in: 2, 1 (total 3); out: 0, 2 (total 2); two n-grams
        var ratios = NaiveBayesWeights.Ratios([(V(0), true), (V(0, 1), true), (V(1), false), (V(1, 2), false)], Kinds);

        Assert.Equal(Math.Log(3.0 / 5) - Math.Log(1.0 / 4), ratios[0], 5); // log(12/5) = 0.875
        Assert.Equal(Math.Log(2.0 / 5) - Math.Log(3.0 / 4), ratios[1], 5); // log(8/15) = −0.629
        Assert.Equal(1f, ratios[2]); // a named signal is not a count: unscaled
    }

    [Fact]
    public void Ratios_EqualTotals_GiveFeaturesOfEitherSideOppositeRatios()
    {
        // feature 0 only in the class, feature 1 only out of it, one text each
        var ratios = NaiveBayesWeights.Ratios([(V(0), true), (V(1), false)], Kinds);

        Assert.Equal(0f, ratios[0] + ratios[1], 5);
        Assert.Equal(Math.Log(2.0 / 3) - Math.Log(1.0 / 3), ratios[0], 5);
    }

    [Fact]
    public void Scale_MultipliesEachValueByItsFeaturesRatio()
    {
        var scaled = NaiveBayesWeights.Scale(new FeatureVector([0, 2], [0.5f, 3f]), [2f, -1f, 1f]);

        Assert.Equal([0, 2], scaled.Indices);
        Assert.Equal([1f, 3f], scaled.Values);
    }
}
