using Microsoft.ML;
using Microsoft.ML.Data;

namespace Mcu.Monitor.MachineLearning;

/// <summary>
/// The rows ML.NET trains on: pre-computed feature vectors (our featurizer's output, so inference can compute
/// the same vector without ML.NET), a label and an example weight.
/// </summary>
internal static class MlRows
{
    public sealed class Multiclass
    {
        public VBuffer<float> Features { get; set; }

        public string Label { get; set; } = "";

        public float Weight { get; set; } = 1;
    }

    /// <summary>One class, as the key mapping of a multiclass model reads its classes.</summary>
    public sealed class ClassName
    {
        public string Label { get; set; } = "";
    }

    public sealed class Binary
    {
        public VBuffer<float> Features { get; set; }

        public bool Label { get; set; }

        public float Weight { get; set; } = 1;
    }

    public static IDataView MulticlassView(MLContext ml, IEnumerable<Multiclass> rows, int dimension)
    {
        var schema = SchemaDefinition.Create(typeof(Multiclass));
        schema[nameof(Multiclass.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        return ml.Data.LoadFromEnumerable(rows, schema);
    }

    /// <summary>
    /// The multiclass estimator: the string label mapped to a key in ordinal order of the label values, so class i of
    /// the learned weights is the i-th label in ordinal order (what the model card lists).
    /// </summary>
    public static IEstimator<ITransformer> WithKeyLabel(MLContext ml, IEstimator<ITransformer> trainer) =>
        ml.Transforms.Conversion.MapValueToKey("Label", "Label", keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Append(trainer);

    public static IDataView BinaryView(MLContext ml, IEnumerable<Binary> rows, int dimension)
    {
        var schema = SchemaDefinition.Create(typeof(Binary));
        schema[nameof(Binary.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        return ml.Data.LoadFromEnumerable(rows, schema);
    }

    public static VBuffer<float> ToVBuffer(Classification.Models.FeatureVector vector, int dimension) =>
        new(dimension, vector.Count, vector.Values, vector.Indices);
}
