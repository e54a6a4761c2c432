using System.Text.Json;
using Mcu.Monitor.Classification;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Localities;
using Mcu.Monitor.Sources;
using Mcu.Monitor.Tests.TestSupport;
using Xunit.Abstractions;

namespace Mcu.Monitor.Tests.Classification;

/// <summary>
/// Measures the lexicon classifier and the gazetteer against the labels of the bundled sample feed. The feed
/// and the lexicon were written independently, but the appeal and risk rules were then tuned on this feed,
/// so these are in-sample numbers: the floors below guard against regressions (README, «Classifier»); the
/// measure on text nobody on the team wrote is the evaluation data, reported in the README.
/// </summary>
public class SampleFeedLabelsTests(ITestOutputHelper output)
{
    [Fact]
    public void LexiconClassifier_OnSampleFeed_MeetsMeasuredFloors() =>
        Measure(new LexiconClassifier(TestConfiguration.Classification()), sectorFloor: 0.8, appealFloor: 0.8, riskNearFloor: 0.9);

    /// <summary>
    /// The shipped ML models on the same feed: the models were not tuned on it (the corpus was written separately),
    /// but the weights of the models' tone and inappropriateness in the risk were chosen on it (README, «The classifier»).
    /// Appeal accuracy measured 0.845 (session 2), 0.822 with session 4's mislabelled appeals (data/corpus/README.md) and
    /// 0.827–0.84 after the fix: two trainings with the same cross-validated appeal F1 differed by five posts of 399, so
    /// the floor sits below that.
    /// </summary>
    [Fact]
    public void ModelClassifier_OnSampleFeed_MeetsMeasuredFloors()
    {
        var lexicon = new LexiconClassifier(TestConfiguration.Classification());
        Measure(new Mcu.Monitor.Classification.Models.ModelClassifier(lexicon, Mcu.Monitor.MachineLearning.ModelFiles.Load("models", lexicon)),
            sectorFloor: 0.78, appealFloor: 0.81, riskNearFloor: 0.9);
    }

    private void Measure(IPostClassifier classifier, double sectorFloor, double appealFloor, double riskNearFloor)
    {
        var localities = new LocalityDetector(TestConfiguration.Territory());
        int n = 0, sector = 0, appeal = 0, riskExact = 0, riskNear = 0, locality = 0;
        int appealTp = 0, appealFp = 0, appealFn = 0, fromParent = 0;
        var parents = new Dictionary<string, ParentContext>(); // as the pipeline passes a comment's parent
        var official = new OfficialAccounts(TestConfiguration.Bind<SourcesOptions>(SourcesOptions.SectionName).OfficialAccounts);
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "SampleFeed", "sample-feed.jsonl")))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var text = root.GetProperty("text").GetString() ?? "";
            var expected = root.GetProperty("expected");
            var owner = root.GetProperty("network").GetString() + ":" + root.GetProperty("owner").GetString() + ":";
            var parentId = root.GetProperty("parent_id").ValueKind == JsonValueKind.String ? root.GetProperty("parent_id").GetString() : null;
            var result = classifier.Classify(text, new Engagement(
                root.GetProperty("likes").GetInt32(), root.GetProperty("comments").GetInt32(), root.GetProperty("reposts").GetInt32(), 0),
                parentId is null ? null : parents.GetValueOrDefault(owner + parentId));
            // as the pipeline does: the municipality's own posts and replies are never appeals
            var author = root.GetProperty("author").GetString();
            var post = new Post
            {
                Key = new PostKey(Enum.Parse<Network>(root.GetProperty("network").GetString()!, ignoreCase: true), root.GetProperty("owner").GetString()!, root.GetProperty("id").GetString()!),
                Municipality = "m",
                SourceId = "s",
                Kind = parentId is null ? PostKind.Post : PostKind.Comment,
                AuthorId = author,
                PublishedAt = default,
            };
            if (official.NameOf(post) is not null)
            {
                result = result with { IsAppeal = false };
            }

            parents[owner + root.GetProperty("id").GetString()] = new ParentContext(result.Sector, result.IsAppeal);
            var expectedAppeal = expected.GetProperty("appeal").GetBoolean();
            var expectedRisk = Enum.Parse<RiskLevel>(expected.GetProperty("risk").GetString()!);
            var expectedLocality = expected.GetProperty("locality").ValueKind == JsonValueKind.Null ? null : expected.GetProperty("locality").GetString();

            n++;
            if (result.Sector == expected.GetProperty("sector").GetString()) sector++;
            if (result.IsAppeal == expectedAppeal) appeal++;
            if (result.IsAppeal && expectedAppeal) appealTp++;
            if (result.IsAppeal && !expectedAppeal) appealFp++;
            if (!result.IsAppeal && expectedAppeal) appealFn++;
            if (result.Risk == expectedRisk) riskExact++;
            if (Math.Abs((int)result.Risk - (int)expectedRisk) <= 1) riskNear++;
            if (localities.Detect(text)?.LocalityId == expectedLocality) locality++;
            if (result.Reasons.Any(r => r.Contains("по родительскому посту", StringComparison.Ordinal))) fromParent++;
        }

        double Share(int k) => Math.Round((double)k / n, 3);
        var appealF1 = Math.Round(2.0 * appealTp / (2 * appealTp + appealFp + appealFn), 3);
        output.WriteLine($"items {n}: sector accuracy {Share(sector)}, appeal accuracy {Share(appeal)} (F1 {appealF1}; {appealFp} taken for appeals, {appealFn} missed), " +
            $"risk exact {Share(riskExact)}, risk within one level {Share(riskNear)}, locality accuracy {Share(locality)}; comments given their parent's sector {fromParent}");

        Assert.True(n >= 300, $"the sample feed must hold at least 300 items, has {n}");
        Assert.True(Share(sector) >= sectorFloor, $"sector accuracy {Share(sector)}");
        Assert.True(Share(appeal) >= appealFloor, $"appeal accuracy {Share(appeal)}");
        Assert.True(Share(riskNear) >= riskNearFloor, $"risk within one level {Share(riskNear)}");
        Assert.True(Share(locality) >= 0.8, $"locality accuracy {Share(locality)}");
    }
}
