using Mcu.Monitor.Classification.Models;

namespace Mcu.Monitor.MachineLearning;

/// <summary>
/// Naive Bayes log-count ratios for NB-weighted logistic regression, a variant of Wang and Manning's NBSVM («Baselines
/// and Bigrams», ACL 2012) with a logistic loss, on the featurizer's values (not binarised) and without their
/// interpolation: each n-gram's value is multiplied by the log of how much more often it occurs in the texts of a
/// class than in the others, and a logistic regression learns on the scaled vectors. A weight w on the scaled value is
/// a weight w·r on the raw one, so the L2 penalty on the raw weight is divided by r²: words concentrated in one class
/// are penalised less, and words that occur alike on both sides (r near 0) are in effect left out. The scaling is
/// linear, so it folds into the learned weights (weight × ratio) and inference stays a dot product over the shared
/// vector. The featurizer's named signals (kind <c>x</c>: lexicon scores, marks, sums) are not counts and keep the
/// ratio 1.
/// </summary>
public static class NaiveBayesWeights
{
    /// <summary>Laplace smoothing of the counts (α = 1, as in the paper).</summary>
    public const double Smoothing = 1.0;

    /// <summary>
    /// r_j = log((p_j + α) / (‖p‖₁ + α·n)) − log((q_j + α) / (‖q‖₁ + α·n)), where p_j and q_j count the texts in and
    /// out of the class that contain n-gram j and n is the number of n-gram features; 1 for the named signals.
    /// </summary>
    public static float[] Ratios(IEnumerable<(FeatureVector Vector, bool InClass)> rows, char[] kinds)
    {
        var inClass = new double[kinds.Length];
        var outOfClass = new double[kinds.Length];
        foreach (var (vector, isIn) in rows)
        {
            var counts = isIn ? inClass : outOfClass;
            foreach (var j in vector.Indices)
            {
                counts[j]++;
            }
        }

        var ngrams = 0;
        double inTotal = 0, outTotal = 0;
        for (var j = 0; j < kinds.Length; j++)
        {
            if (kinds[j] != FeatureVocabulary.Special)
            {
                ngrams++;
                inTotal += inClass[j];
                outTotal += outOfClass[j];
            }
        }

        var ratios = new float[kinds.Length];
        for (var j = 0; j < kinds.Length; j++)
        {
            ratios[j] = kinds[j] == FeatureVocabulary.Special
                ? 1f
                : (float)(Math.Log((inClass[j] + Smoothing) / (inTotal + (Smoothing * ngrams)))
                    - Math.Log((outOfClass[j] + Smoothing) / (outTotal + (Smoothing * ngrams))));
        }

        return ratios;
    }

    /// <summary>The vector with each value multiplied by its feature's ratio.</summary>
    public static FeatureVector Scale(FeatureVector vector, float[] ratios)
    {
        var values = new float[vector.Count];
        for (var k = 0; k < values.Length; k++)
        {
            values[k] = vector.Values[k] * ratios[vector.Indices[k]];
        }

        return new FeatureVector(vector.Indices, values);
    }
}
