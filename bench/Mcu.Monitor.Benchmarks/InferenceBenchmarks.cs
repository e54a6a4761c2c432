using BenchmarkDotNet.Attributes;
using Mcu.Monitor.Classification;
using Mcu.Monitor.Classification.Models;
using Mcu.Monitor.Domain;
using Mcu.Monitor.MachineLearning;
using Microsoft.Extensions.Configuration;

namespace Mcu.Monitor.Benchmarks;

/// <summary>
/// All four models together on 200-character posts: one featurisation shared by the sector, appeal, tone and
/// inappropriateness models, risk and explanations included (what the pipeline calls per post).
/// </summary>
[MemoryDiagnoser]
public class InferenceBenchmarks
{
    public const int BatchSize = 1000;

    private ModelClassifier _classifier = null!;
    private string[] _posts = [];

    [GlobalSetup]
    public void Setup()
    {
        _classifier = CreateClassifier();
        _posts = BenchmarkPosts.Create(BatchSize);
    }

    /// <summary>The shipped models and lexicon, as the worker loads them.</summary>
    public static ModelClassifier CreateClassifier()
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json")
            .AddJsonFile("lexicon.json")
            .Build();
        var options = configuration.GetSection(ClassificationOptions.SectionName).Get<ClassificationOptions>() ?? new ClassificationOptions();
        var lexicon = new LexiconClassifier(options);
        return new ModelClassifier(lexicon, ModelFiles.Load(options.Models.Directory, lexicon));
    }

    [Benchmark(OperationsPerInvoke = BatchSize, Description = "one thread, all models, explanations")]
    public int SingleThread()
    {
        var appeals = 0;
        foreach (var post in _posts)
        {
            appeals += _classifier.Classify(post, Engagement.None).IsAppeal ? 1 : 0;
        }

        return appeals;
    }

    [Benchmark(OperationsPerInvoke = BatchSize, Description = "one thread, all models, no explanations")]
    public int SingleThreadNoExplanations()
    {
        var appeals = 0;
        foreach (var post in _posts)
        {
            appeals += _classifier.Classify(post, Engagement.None, null, explain: false).Result.IsAppeal ? 1 : 0;
        }

        return appeals;
    }

    [Benchmark(OperationsPerInvoke = BatchSize, Description = "batch of 1000 on all cores")]
    public int ParallelBatch()
    {
        var appeals = 0;
        Parallel.ForEach(_posts, post =>
        {
            if (_classifier.Classify(post, Engagement.None).IsAppeal)
            {
                Interlocked.Increment(ref appeals);
            }
        });
        return appeals;
    }
}
