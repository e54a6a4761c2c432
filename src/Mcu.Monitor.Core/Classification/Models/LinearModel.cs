namespace Mcu.Monitor.Classification.Models;

/// <summary>
/// The learned weights of one ML.NET linear model, read from its zip at start-up, scored directly on the
/// shared feature vector: a dot product per class is all inference costs, and weight × value per feature is
/// the explanation. Multiclass models give softmax probabilities (maximum entropy) and binary ones a Platt
/// sigmoid, exactly as ML.NET computes them (checked by the reload test). Immutable and thread-safe.
/// </summary>
public sealed class LinearModel
{
    private readonly float[] _weights; // feature-major: _weights[feature * Classes.Count + class]
    private readonly float[] _meanWeights; // per feature, the mean over classes (0 for a binary model)

    // weights: one array per class (binary: one array, for class 1), each of the vocabulary's length
    public LinearModel(string name, IReadOnlyList<string> classes, float[][] weights, float[] biases, bool binary, float plattSlope = -1, float plattOffset = 0)
    {
        Name = name;
        Classes = classes;
        IsBinary = binary;
        Rows = weights.Length;
        Dimension = weights.Length == 0 ? 0 : weights[0].Length;
        _weights = new float[Dimension * Rows];
        for (var c = 0; c < Rows; c++)
        {
            if (weights[c].Length != Dimension)
            {
                throw new ArgumentException("every class needs a weight per feature", nameof(weights));
            }

            for (var f = 0; f < Dimension; f++)
            {
                _weights[(f * Rows) + c] = weights[c][f];
            }
        }

        Biases = biases;
        PlattSlope = plattSlope;
        PlattOffset = plattOffset;
        NonZeroWeights = _weights.Count(w => w != 0);
        _meanWeights = new float[Dimension];
        if (Rows > 1)
        {
            for (var f = 0; f < Dimension; f++)
            {
                var sum = 0f;
                for (var c = 0; c < Rows; c++)
                {
                    sum += _weights[(f * Rows) + c];
                }

                _meanWeights[f] = sum / Rows;
            }
        }
    }


    public string Name { get; }

    /// <summary>Class labels; a binary model has <c>0</c> and <c>1</c> and one weight row for class 1.</summary>
    public IReadOnlyList<string> Classes { get; }

    public bool IsBinary { get; }

    public int Dimension { get; }

    public int NonZeroWeights { get; }

    public float[] Biases { get; }

    public float PlattSlope { get; }

    public float PlattOffset { get; }

    private int Rows { get; }

    public float Weight(int feature, int row) => _weights[(feature * Rows) + row];

    /// <summary>Raw linear scores per weight row (one for a binary model).</summary>
    public void Scores(FeatureVector vector, Span<float> scores)
    {
        Biases.AsSpan().CopyTo(scores);
        var rows = Rows;
        var indices = vector.Indices;
        var values = vector.Values;
        for (var k = 0; k < indices.Length; k++)
        {
            var feature = indices[k];
            if (feature >= Dimension)
            {
                continue;
            }

            var value = values[k];
            var offset = feature * rows;
            for (var c = 0; c < rows; c++)
            {
                scores[c] += _weights[offset + c] * value;
            }
        }
    }

    /// <summary>Probability of class 1 for a binary model.</summary>
    public float Probability(FeatureVector vector)
    {
        Span<float> score = stackalloc float[1];
        Scores(vector, score);
        return 1f / (1f + MathF.Exp((PlattSlope * score[0]) + PlattOffset));
    }

    /// <summary>Softmax probabilities per class for a multiclass model.</summary>
    public void Probabilities(FeatureVector vector, Span<float> probabilities)
    {
        Scores(vector, probabilities);
        var max = float.NegativeInfinity;
        foreach (var s in probabilities)
        {
            max = Math.Max(max, s);
        }

        var sum = 0f;
        for (var c = 0; c < probabilities.Length; c++)
        {
            probabilities[c] = MathF.Exp(probabilities[c] - max);
            sum += probabilities[c];
        }

        for (var c = 0; c < probabilities.Length; c++)
        {
            probabilities[c] /= sum;
        }
    }

    /// <summary>
    /// The features that pushed a row's score up the most (weight × value, largest first). For a multiclass model
    /// the contribution is relative to the mean of the classes, since a shared offset decides nothing.
    /// </summary>
    // against: rank the features that pulled the score down instead (why a binary model said no)
    public List<(int Feature, float Contribution)> TopContributions(FeatureVector vector, int row, int count, bool against = false)
    {
        var result = new List<(int Feature, float Contribution)>(count + 1);
        var indices = vector.Indices;
        for (var k = 0; k < indices.Length; k++)
        {
            var feature = indices[k];
            if (feature >= Dimension)
            {
                continue;
            }

            var weight = Weight(feature, row) - _meanWeights[feature];

            var contribution = (against ? -weight : weight) * vector.Values[k];
            if (contribution <= 0)
            {
                continue;
            }

            if (result.Count < count || contribution > result[^1].Contribution)
            {
                var at = 0;
                while (at < result.Count && result[at].Contribution >= contribution)
                {
                    at++;
                }

                result.Insert(at, (feature, contribution));
                if (result.Count > count)
                {
                    result.RemoveAt(result.Count - 1);
                }
            }
        }

        return result;
    }
}
