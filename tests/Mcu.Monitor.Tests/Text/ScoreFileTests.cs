using System.Collections.Frozen;
using Mcu.Monitor.Text;

namespace Mcu.Monitor.Tests.Text;

/// <summary>How both tone lexicons read a text, on a made-up dictionary: хорошо +1, плохо −2.</summary>
public class ScoreFileTests
{
    private static readonly FrozenDictionary<string, float> Scores =
        new Dictionary<string, float> { ["хорошо"] = 1, ["плохо"] = -2 }.ToFrozenDictionary(StringComparer.Ordinal);

    [Theory]
    [InlineData("плохо", 2, 0)]
    [InlineData("очень плохо", 2, 0)]
    [InlineData("не плохо", 0, 2)]
    [InlineData("ни хорошо", 1, 0)]
    [InlineData("без плохо", 0, 2)]
    [InlineData("не очень хорошо", 1, 0)]
    [InlineData("не самый плохо", 0, 2)]
    [InlineData("не так плохо", 2, 0)]
    [InlineData("не, плохо", 2, 0)]
    [InlineData("не очень, хорошо", 0, 1)]
    [InlineData("кто бы ни хорошо", 0, 1)]
    [InlineData("хорошо не", 0, 1)]
    public void Tally_Negation_FlipsOnlyAWordRightAfterIt(string text, float negative, float positive)
    {
        var tally = ScoreFile.Tally(Tokenizer.Tokenize(text), Scores, bySurface: true);

        Assert.Equal(negative, tally.Negative);
        Assert.Equal(positive, tally.Positive);
    }

    [Fact]
    public void Tally_ByStem_FindsInflectedForms()
    {
        var stems = new Dictionary<string, float> { [RussianStemmer.Stem("ужасный")] = -3 }.ToFrozenDictionary(StringComparer.Ordinal);

        var tally = ScoreFile.Tally(Tokenizer.Tokenize("ужасная погода"), stems, bySurface: false);

        Assert.Equal(3, tally.Negative);
        Assert.Equal(1, tally.NegativeWords);
    }
}
