namespace Mcu.Monitor.Spikes;

/// <summary>
/// Upper tails of a count distribution with a given mean and variance: Poisson when the variance is at most the
/// mean, otherwise the negative binomial with the same two moments (r = μ²/(σ²−μ)). Terms are summed from the far
/// end of the tail, so small probabilities keep their precision.
/// </summary>
public sealed class CountTail
{
    private const int MaxTerms = 100_000;
    private readonly double[] _tails;

    public CountTail(double mean, double variance)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(mean);
        Mean = mean;
        Variance = Math.Max(variance, mean);
        var logTerms = new List<double>();
        var poisson = Variance <= mean * (1 + 1e-9);
        var r = poisson ? 0 : mean * mean / (Variance - mean);
        // log P(0) and the ratio P(k+1)/P(k) of each law.
        var log = poisson ? -mean : r * Math.Log(r / (r + mean));
        var logQ = poisson ? 0 : Math.Log(mean / (r + mean));
        var far = mean + (20 * Math.Sqrt(Variance)) + 20;
        for (var k = 0; k < MaxTerms; k++)
        {
            logTerms.Add(log);
            if (k > far && log < -80)
            {
                break;
            }

            log += poisson ? Math.Log(mean / (k + 1)) : Math.Log((k + r) / (k + 1)) + logQ;
        }

        _tails = new double[logTerms.Count + 1];
        for (var k = logTerms.Count - 1; k >= 0; k--)
        {
            _tails[k] = _tails[k + 1] + Math.Exp(logTerms[k]);
        }
    }

    public double Mean { get; }

    /// <summary>The variance used: never below the mean (a baseline is never trusted to be tighter than Poisson).</summary>
    public double Variance { get; }

    /// <summary>P(X ≥ <paramref name="count"/>).</summary>
    public double AtLeast(int count) => count <= 0 ? 1 : count < _tails.Length ? Math.Min(1, _tails[count]) : 0;

    /// <summary>The least count, not below <paramref name="minCount"/>, whose tail is below <paramref name="maxPValue"/>.</summary>
    public int Threshold(int minCount, double maxPValue)
    {
        var k = Math.Max(1, minCount);
        while (k < _tails.Length && AtLeast(k) >= maxPValue)
        {
            k++;
        }

        return k;
    }
}
