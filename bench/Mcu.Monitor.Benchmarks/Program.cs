using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using Mcu.Monitor.Benchmarks;
using Mcu.Monitor.Domain;

// `--quick`: a few seconds of plain timing (posts/s single-threaded); otherwise BenchmarkDotNet.
if (args.Contains("--quick"))
{
    var classifier = InferenceBenchmarks.CreateClassifier();
    var posts = BenchmarkPosts.Create(20_000);
    foreach (var post in posts.Take(2_000))
    {
        classifier.Classify(post, Engagement.None); // warm-up: JIT, stem cache
    }

    // Wall time and this process's CPU time: on a shared machine the second is what the work costs.
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var stopwatch = Stopwatch.StartNew();
    foreach (var post in posts)
    {
        classifier.Classify(post, Engagement.None);
    }

    stopwatch.Stop();
    var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{posts.Length} posts of 200 characters, all four models with explanations, one thread: {posts.Length / stopwatch.Elapsed.TotalSeconds:0} posts/s wall, {posts.Length / cpuSeconds:0} posts per CPU-second (load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})"));
    stopwatch.Restart();
    foreach (var post in posts)
    {
        classifier.Classify(post, Engagement.None, null, explain: false);
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  without explanations: {posts.Length / stopwatch.Elapsed.TotalSeconds:0} posts/s"));
    var featurizer = classifier.Featurizer;
    stopwatch.Restart();
    foreach (var post in posts)
    {
        featurizer.Lexicon.Classify(post, Engagement.None);
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  the lexicon classifier alone: {posts.Length / stopwatch.Elapsed.TotalSeconds:0} posts/s"));
    stopwatch.Restart();
    foreach (var post in posts)
    {
        featurizer.Featurize(post);
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  ... and featurise: {posts.Length / stopwatch.Elapsed.TotalSeconds:0} posts/s"));
    var vectors = posts.Select(featurizer.Featurize).ToArray();
    stopwatch.Restart();
    var models = classifier.Models;
    foreach (var vector in vectors)
    {
        models.Sector.TopContributions(vector, 0, 5);
        models.Appeal.TopContributions(vector, 0, 5);
        models.Negative.TopContributions(vector, 0, 5);
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  three top-contribution lists alone: {posts.Length / stopwatch.Elapsed.TotalSeconds:0} posts/s"));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(InferenceBenchmarks).Assembly).Run(args);
