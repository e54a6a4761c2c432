using System.Text.Json;
using Mcu.Monitor.Tests.MachineLearning;
using Mcu.Monitor.Tests.TestSupport;

namespace Mcu.Monitor.Tests.Cli;

public class ModelCommandTests
{
    [Fact]
    public async Task Evaluate_Json_LastLineIsOneObjectWithPerClassMetrics()
    {
        using var cli = new CliRunner();
        var csv = cli.File("appeal.csv");
        await File.WriteAllTextAsync(csv, "text,appeal\n\"мусор не вывозят неделю, контейнеры переполнены\",1\nпоздравляем всех с праздником,0\n\"яма на дороге у магазина, колесо пробил\",1\n");

        var result = await cli.RunAsync("model", "evaluate", "--model", "appeal", "--data", csv, "--json", "--models", TinyCorpus.ModelDirectory);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("confusion matrix", result.Output, StringComparison.Ordinal);
        var last = result.Output.TrimEnd().Split('\n')[^1];
        using var json = JsonDocument.Parse(last);
        var root = json.RootElement;
        Assert.Equal("appeal", root.GetProperty("model").GetString());
        Assert.Equal(3, root.GetProperty("n").GetInt32());
        var perClass = root.GetProperty("perClass");
        Assert.Equal(2, perClass.GetProperty("1").GetProperty("support").GetInt32());
        Assert.Equal(1, perClass.GetProperty("0").GetProperty("support").GetInt32());
        var f1 = (perClass.GetProperty("0").GetProperty("f1").GetDouble() + perClass.GetProperty("1").GetProperty("f1").GetDouble()) / 2;
        Assert.Equal(f1, root.GetProperty("macroF1").GetDouble(), 3);
    }

    [Fact]
    public async Task Evaluate_CsvWithoutTheLabelColumn_IsBadInput()
    {
        using var cli = new CliRunner();
        var csv = cli.File("wrong.csv");
        await File.WriteAllTextAsync(csv, "text,sector\nяма,roads\n");

        var result = await cli.RunAsync("model", "evaluate", "--model", "negative", "--data", csv, "--models", TinyCorpus.ModelDirectory);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("needs the columns text and negative", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Classify_MissingModelFile_StopsStartUpNamingTheFile()
    {
        using var cli = new CliRunner();
        var models = Directory.CreateDirectory(cli.File("models")).FullName;
        foreach (var file in Directory.GetFiles(TinyCorpus.ModelDirectory))
        {
            File.Copy(file, Path.Combine(models, Path.GetFileName(file)));
        }

        File.Delete(Path.Combine(models, "inappropriate.zip"));
        cli.Settings["Classification:Models:Directory"] = models;

        var result = await cli.RunAsync("classify", "яма на дороге");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("invalid configuration", result.Error, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(models, "inappropriate.zip") + ": file not found", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Classify_MissingModelsWithFallback_ClassifiesWithTheLexicon()
    {
        using var cli = new CliRunner();
        cli.Settings["Classification:Models:Directory"] = cli.File("no-models-here");
        cli.Settings["Classification:Models:FallbackToLexicon"] = "true";

        var result = await cli.RunAsync("classify", "Мусор не вывозят, контейнеры переполнены");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("sector:   tko", result.Output, StringComparison.Ordinal);
        Assert.Contains("model:    lexicon-", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Classify_WithModels_ShowsTheModelVersionAndTopTerms()
    {
        using var cli = new CliRunner();
        cli.Settings["Classification:Models:Directory"] = TinyCorpus.ModelDirectory;

        var result = await cli.RunAsync("classify", "мусор не вывозят неделю, контейнеры переполнены");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("sector:   tko", result.Output, StringComparison.Ordinal);
        Assert.Contains("model:    ml-", result.Output, StringComparison.Ordinal);
        Assert.Contains("сектор tko (модель", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_CorpusFolderWithoutFiles_IsBadInput()
    {
        using var cli = new CliRunner();
        Directory.CreateDirectory(cli.File("empty-corpus"));

        var result = await cli.RunAsync("model", "train", "--corpus", cli.File("empty-corpus"), "--out", cli.File("out"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no *.jsonl files", result.Error, StringComparison.Ordinal);
    }
}
