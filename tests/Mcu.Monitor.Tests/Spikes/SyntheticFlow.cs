using Mcu.Monitor.Spikes;

namespace Mcu.Monitor.Tests.Spikes;

/// <summary>
/// A seeded synthetic flow of negative posts per sector × locality: Poisson arrivals of threads (a post and a few
/// comments within half an hour, so posts come in small clumps as they do) with the day's rhythm of a Russian town
/// (quiet nights, busy mornings), plus bursts injected on request. Minute resolution.
/// </summary>
public sealed class SyntheticFlow
{
    /// <summary>Share of a day's posts per hour of Moscow time, mean 1.</summary>
    private static readonly double[] HourWeights = Normalize(
        [0.15, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 0.9, 1.4, 1.7, 1.7, 1.6, 1.5, 1.5, 1.5, 1.4, 1.4, 1.3, 1.3, 1.3, 1.2, 1.0, 0.7, 0.35]);

    /// <summary>Mean extra comments joining a thread (Poisson).</summary>
    private const double CommentsPerThread = 0.5;

    public static readonly DateTimeOffset Start = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Pairs and their mean negative posts a day: busy, middling, sparse and one that is almost silent.</summary>
    public static readonly IReadOnlyList<(SpikePair Pair, double PerDay)> Pairs =
    [
        (new SpikePair("zhkh", "alekseevka"), 30),
        (new SpikePair("roads", "alekseevka"), 12),
        (new SpikePair("tko", "alekseevka"), 6),
        (new SpikePair("zhkh", null), 8),
        (new SpikePair("social", null), 3),
        (new SpikePair("zhkh", "ilovka"), 1.5),
        (new SpikePair("education", "alekseevka"), 1),
        (new SpikePair("transport", "varvarovka"), 0.3),
        (new SpikePair("tko", "glukhovka"), 0.1),
    ];

    private readonly Dictionary<SpikePair, List<DateTimeOffset>> _posts = [];

    public SyntheticFlow(int seed, int days)
    {
        Days = days;
        var random = new Random(seed);
        foreach (var (pair, perDay) in Pairs)
        {
            var posts = new List<DateTimeOffset>();
            var threadsPerHour = perDay / 24 / (1 + CommentsPerThread);
            for (var hour = 0; hour < days * 24; hour++)
            {
                var at = Start.AddHours(hour);
                var moscowHour = (at.UtcDateTime.Hour + 3) % 24;
                for (var t = Poisson(random, threadsPerHour * HourWeights[moscowHour]); t > 0; t--)
                {
                    var first = at.AddMinutes(random.Next(60));
                    posts.Add(first);
                    for (var c = Poisson(random, CommentsPerThread); c > 0; c--)
                    {
                        posts.Add(first.AddMinutes(1 + random.Next(30)));
                    }
                }
            }

            _posts[pair] = posts;
        }
    }

    public int Days { get; }

    public DateTimeOffset End => Start.AddDays(Days);

    public int TotalPosts => _posts.Values.Sum(p => p.Count);

    /// <summary>Adds <paramref name="count"/> posts to a pair, evenly over <paramref name="span"/> from <paramref name="at"/>.</summary>
    public void Inject(SpikePair pair, DateTimeOffset at, int count, TimeSpan span)
    {
        for (var i = 0; i < count; i++)
        {
            _posts[pair].Add(at + (span * i / count));
        }
    }

    /// <summary>Counts per step from <see cref="Start"/>, for each pair.</summary>
    public IReadOnlyDictionary<SpikePair, int[]> Buckets(TimeSpan step)
    {
        var buckets = (int)(TimeSpan.FromDays(Days).Ticks / step.Ticks) + 1;
        var result = new Dictionary<SpikePair, int[]>();
        foreach (var (pair, posts) in _posts)
        {
            var counts = new int[buckets];
            foreach (var post in posts.Where(p => p < End))
            {
                counts[(int)((post - Start).Ticks / step.Ticks)]++;
            }

            result[pair] = counts;
        }

        return result;
    }

    private static int Poisson(Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        for (var p = random.NextDouble(); p > limit; p *= random.NextDouble())
        {
            k++;
        }

        return k;
    }

    private static double[] Normalize(double[] weights) => [.. weights.Select(w => w * weights.Length / weights.Sum())];
}
