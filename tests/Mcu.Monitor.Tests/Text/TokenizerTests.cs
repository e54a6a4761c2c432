using Mcu.Monitor.Text;

namespace Mcu.Monitor.Tests.Text;

public class TokenizerTests
{
    [Fact]
    public void Tokenize_InflectedForms_ShareStem()
    {
        var tokens = Tokenizer.Tokenize(TextNormalizer.ForMatching("Батареи холодные, у батарей, про батареи"));
        var stems = tokens.Where(t => t.Surface.StartsWith("батар", StringComparison.Ordinal)).Select(t => t.Stem).Distinct().ToList();
        Assert.Single(stems);
    }
}
