using Mcu.Monitor.MachineLearning;
using Mcu.Monitor.Text;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.Tests.MachineLearning;

public class ModelFilesTests
{
    private static TempDirectory CopyOfTrainedModels()
    {
        var directory = new TempDirectory();
        foreach (var file in Directory.GetFiles(TinyCorpus.ModelDirectory))
        {
            File.Copy(file, directory.File(Path.GetFileName(file)));
        }

        return directory;
    }

    [Fact]
    public void Load_MissingZip_FailsNamingTheFile()
    {
        using var directory = CopyOfTrainedModels();
        File.Delete(directory.File("negative.zip"));

        var error = Assert.Throws<ModelLoadException>(() => ModelFiles.Load(directory.Path, TinyCorpus.Lexicon()));
        Assert.Equal(directory.File("negative.zip"), error.FilePath);
        Assert.Contains("negative.zip: file not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TruncatedZip_FailsNamingTheFile()
    {
        using var directory = CopyOfTrainedModels();
        var path = directory.File("sector.zip");
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..100]);

        var error = Assert.Throws<ModelLoadException>(() => ModelFiles.Load(directory.Path, TinyCorpus.Lexicon()));
        Assert.Equal(path, error.FilePath);
    }

    [Fact]
    public void Load_GarbageZipMatchingTheCard_FailsAsUnreadableNamingTheFile()
    {
        using var directory = CopyOfTrainedModels();
        var path = directory.File("appeal.zip");
        File.WriteAllText(path, "not a zip at all");
        // make the card agree with the garbage, so ML.NET itself has to refuse the file
        var card = ModelFiles.ReadCard(directory.Path);
        card.Models["appeal"] = card.Models["appeal"] with { Sha256 = ModelFiles.Sha256(path) };
        ModelFiles.WriteCard(directory.Path, card);

        var error = Assert.Throws<ModelLoadException>(() => ModelFiles.Load(directory.Path, TinyCorpus.Lexicon()));
        Assert.Equal(path, error.FilePath);
        Assert.Contains("not a readable ML.NET model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoCard_FailsNamingTheCard()
    {
        using var directory = new TempDirectory();
        var error = Assert.Throws<ModelLoadException>(() => ModelFiles.Load(directory.Path, TinyCorpus.Lexicon()));
        Assert.Equal(directory.File("model-card.json"), error.FilePath);
    }

    [Fact]
    public void Card_AfterTraining_NamesTrainersMetricsAndHashes()
    {
        var card = ModelFiles.ReadCard(TinyCorpus.ModelDirectory);
        Assert.Equal(42, card.Seed);
        Assert.Equal(TinyCorpus.Texts.Count, card.Data.Texts);
        Assert.StartsWith("ml-20261127-", card.Version, StringComparison.Ordinal);
        foreach (var name in ModelFiles.Names)
        {
            var entry = card.Models[name];
            Assert.Equal(ModelFiles.Sha256(Path.Combine(TinyCorpus.ModelDirectory, entry.File)), entry.Sha256);
            Assert.NotEmpty(entry.Candidates);
            Assert.InRange(entry.CrossValidation.Accuracy, 0, 1);
        }

        Assert.True(File.Exists(Path.Combine(TinyCorpus.ModelDirectory, "README.md")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Load_ConfiguredLexiconDiffersFromTraining_WarnsOnlyThen(bool edited)
    {
        var collected = new CollectingLogger();
        using var factory = LoggerFactory.Create(b => b.AddProvider(new CollectingLoggerProvider(collected)));
        var options = TestConfiguration.Classification();
        options.Models.Directory = TinyCorpus.ModelDirectory;
        if (edited)
        {
            options.Lexicon.ToneNegative.Add("совсем новое слово");
        }

        var state = new LoadedModels(factory.CreateLogger<LoadedModels>()).Get(options);

        Assert.NotNull(state.Models);
        Assert.Equal(edited, collected.Lines.Any(l => l.EventId == 5001 && l.Message.Contains(state.Lexicon.ModelVersion, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sentiment")]
    [InlineData("tone")]
    public void Load_BuiltInLexiconDiffersFromTraining_WarnsOnlyThen(string? otherBuild)
    {
        using var directory = CopyOfTrainedModels();
        var cardPath = directory.File(ModelFiles.CardFile);
        var card = File.ReadAllText(cardPath);
        Assert.Contains($"\"sentimentLexiconVersion\": \"{SentimentLexicon.Version}\"", card, StringComparison.Ordinal);
        Assert.Contains($"\"toneLexiconVersion\": \"{ToneLexicon.Version}\"", card, StringComparison.Ordinal);
        if (otherBuild is not null)
        {
            var built = otherBuild == "tone" ? ToneLexicon.Version : SentimentLexicon.Version;
            File.WriteAllText(cardPath, card.Replace(built, otherBuild + "-00000000", StringComparison.Ordinal));
        }

        var collected = new CollectingLogger();
        using var factory = LoggerFactory.Create(b => b.AddProvider(new CollectingLoggerProvider(collected)));
        var options = TestConfiguration.Classification();
        options.Models.Directory = directory.Path;

        var state = new LoadedModels(factory.CreateLogger<LoadedModels>()).Get(options);

        Assert.NotNull(state.Models);
        var warnings = collected.Lines.Where(l => l.EventId == 5002).ToList();
        Assert.Equal(otherBuild is null ? 0 : 1, warnings.Count);
        Assert.All(warnings, w => Assert.Contains(otherBuild + "-00000000", w.Message, StringComparison.Ordinal));
    }
}
