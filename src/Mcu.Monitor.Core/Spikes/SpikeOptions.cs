using System.ComponentModel.DataAnnotations;
using Mcu.Monitor.Domain;

namespace Mcu.Monitor.Spikes;

/// <summary>
/// Information-risk spikes (section <c>Spikes</c>, issue #7 item 5): an unusual burst of negative posts in one
/// sector × locality pair raises one alert to the head. See <see cref="SpikeDetector"/> for the statistic.
/// </summary>
public sealed class SpikeOptions
{
    public const string SectionName = "Spikes";

    /// <summary>Whether the worker and <c>run --once</c> look for spikes. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The burst window: negative posts are counted over this long. Default 1 hour.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The stride of windows (and of the worker's check): a window ends on every multiple of it (UTC), so a burst
    /// shorter than <see cref="Window"/> minus this fits whole in some window. Must divide <see cref="Window"/>. Default 15 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan Step { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The history a pair is compared with, just before the window. A multiple of <see cref="Window"/>. Default 14 days.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "90.00:00:00")]
    public TimeSpan Baseline { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// How far back each check re-reads windows, so posts that arrive late (a slow poll, comments read later) still
    /// count; re-reading is idempotent. Default 1 hour.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan Lookback { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Least negative posts in a window for a burst, whatever the baseline. Default 5.</summary>
    [Range(2, 10000)]
    public int MinCount { get; set; } = 5;

    /// <summary>
    /// A window is a burst when so many posts would come from the pair's usual flow with probability below this
    /// (upper tail of the baseline's distribution). Default 0.0001 (measured: README, «Information-risk spikes»).
    /// </summary>
    [Range(1e-12, 0.5)]
    public double MaxPValue { get; set; } = 0.0001;

    /// <summary>
    /// The least expected count per window, so a pair that was silent for the whole baseline is not «infinitely»
    /// surprised by one post. Default 0.05 (about one negative post a day at a 1-hour window).
    /// </summary>
    [Range(0.0001, 1000.0)]
    public double MinBaselineRate { get; set; } = 0.05;

    /// <summary>
    /// A pair must stay without an elevated window this long before a new burst alerts again; elevated windows
    /// within it belong to the burst before. Default 6 hours.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan CooldownAfterBurst { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The least risk level of a post that counts as negative. Default <c>Medium</c>.</summary>
    [Required]
    [RegularExpression("^(Low|Medium|High|Critical)$", ErrorMessage = "must be Low, Medium, High or Critical")]
    public string MinRisk { get; set; } = nameof(RiskLevel.Medium);

    /// <summary>Who is alerted: the head's recipient id in <c>Routing:Recipients</c>. Default <c>mcu-head</c>.</summary>
    [Required]
    public string Recipient { get; set; } = "mcu-head";

    /// <summary>The risk levels counted as negative: <see cref="MinRisk"/> and above.</summary>
    public IReadOnlyList<RiskLevel> CountedRisks()
    {
        var least = Enum.Parse<RiskLevel>(MinRisk);
        return [.. Enum.GetValues<RiskLevel>().Where(r => r >= least)];
    }

    /// <summary>Cross-field rules DataAnnotations cannot say; problems name the full key and value.</summary>
    public IEnumerable<string> Problems()
    {
        if (Step > TimeSpan.Zero && Window.Ticks % Step.Ticks != 0)
        {
            yield return $"{SectionName}:Step = '{Step}': must divide {SectionName}:Window ({Window}) evenly";
        }

        if (Step.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            yield return $"{SectionName}:Step = '{Step}': must be a whole number of seconds";
        }

        if (Window > TimeSpan.Zero && Baseline.Ticks % Window.Ticks != 0)
        {
            yield return $"{SectionName}:Baseline = '{Baseline}': must be a whole number of {SectionName}:Window ({Window})";
        }

        if (Step > TimeSpan.Zero && Lookback.Ticks % Step.Ticks != 0)
        {
            yield return $"{SectionName}:Lookback = '{Lookback}': must be a whole number of {SectionName}:Step ({Step})";
        }

        if (CooldownAfterBurst < Step)
        {
            yield return $"{SectionName}:CooldownAfterBurst = '{CooldownAfterBurst}': must be at least {SectionName}:Step ({Step})";
        }

        if (Window > TimeSpan.Zero && Baseline < Window * 24)
        {
            yield return $"{SectionName}:Baseline = '{Baseline}': must cover at least 24 windows ({Window * 24}) to say what is usual";
        }
    }
}
