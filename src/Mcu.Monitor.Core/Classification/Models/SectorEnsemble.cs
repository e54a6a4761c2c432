namespace Mcu.Monitor.Classification.Models;

/// <summary>
/// Combines the sector model with the configured sector terms: p(c) ∝ p_model(c) · exp(boost · s(c)), where s(c) is
/// the lexicon's score of sector c scaled as the model's lexicon feature (min(score, 6) / 3). The terms were written
/// from domain knowledge and hold on texts unlike the training corpus; the boost is chosen by cross-validation
/// (0 turns the combination off).
/// </summary>
public static class SectorEnsemble
{
    public static float Scaled(int lexiconScore) => Math.Min(lexiconScore, 6) / 3f;

    public static void Combine(Span<float> probabilities, IReadOnlyList<string> classes, IReadOnlyDictionary<string, int> lexiconScores, double boost)
    {
        if (boost == 0 || lexiconScores.Count == 0)
        {
            return;
        }

        var sum = 0f;
        for (var c = 0; c < probabilities.Length; c++)
        {
            if (lexiconScores.TryGetValue(classes[c], out var score))
            {
                probabilities[c] *= MathF.Exp((float)(boost * Scaled(score)));
            }

            sum += probabilities[c];
        }

        for (var c = 0; c < probabilities.Length; c++)
        {
            probabilities[c] /= sum;
        }
    }
}
