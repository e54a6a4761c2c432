using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using Microsoft.ML.Trainers;

namespace Mcu.Monitor.MachineLearning;

/// <summary>
/// ML.NET models made from weights the trainer computed itself: the NB-weighted models learn on scaled vectors, and
/// their zips hold the weights with the scaling folded in, so every zip scores the shared, unscaled vector and
/// <c>MLContext.Model.Load</c> predicts what the worker predicts. ML.NET keeps the constructors of its model
/// parameters and prediction transformers internal, so they are called by reflection (checked against ML.NET 5.0.1;
/// <c>ModelTrainerTests</c> reload the saved zips and compare ML.NET's predictions with the folded weights', so a
/// version that changes them fails there, not in production).
/// </summary>
internal static class MlNetModels
{
    /// <summary>
    /// A maximum entropy model (softmax over <paramref name="weights"/>·x + <paramref name="biases"/>) behind the
    /// same label-to-key mapping as the trained ones, so it saves and loads like them.
    /// </summary>
    public static ITransformer Multiclass(MLContext ml, IDataView view, float[][] weights, float[] biases, IReadOnlyList<string> classes)
    {
        // the keys are the classes (not the labels the rows hold: a fold may lack a class), as the weight rows are
        var keyData = ml.Data.LoadFromEnumerable(classes.Select(c => new MlRows.ClassName { Label = c }));
        var keys = ml.Transforms.Conversion.MapValueToKey("Label", "Label", keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue, keyData: keyData)
            .Fit(view);
        var schema = keys.GetOutputSchema(view.Schema);
        if (schema["Label"].Type is not KeyDataViewType { Count: var keyCount } || (int)keyCount != classes.Count)
        {
            throw new InvalidOperationException($"the rows hold {schema["Label"].Type} labels, the weights {classes.Count} classes");
        }

        var dimension = weights[0].Length;
        var buffers = weights.Select(w => new VBuffer<float>(dimension, w)).ToArray();
        var parameters = (MaximumEntropyModelParameters)Create(typeof(MaximumEntropyModelParameters),
            ml, buffers, biases, classes.Count, dimension, classes.ToArray(), null);
        var prediction = Create(typeof(MulticlassPredictionTransformer<MaximumEntropyModelParameters>),
            ml, parameters, schema, "Features", "Label", "Score", "PredictedLabel");
        return new TransformerChain<ITransformer>(keys, (ITransformer)prediction);
    }

    /// <summary>A logistic regression: the sigmoid of −(<paramref name="slope"/>·(w·x + b)) − <paramref name="offset"/>, as ML.NET's Platt calibrator.</summary>
    public static ITransformer Binary(MLContext ml, IDataView view, float[] weights, float bias, double slope, double offset)
    {
        var linear = (LinearBinaryModelParameters)Create(typeof(LinearBinaryModelParameters), ml, new VBuffer<float>(weights.Length, weights), bias, null);
        var calibrator = (PlattCalibrator)Create(typeof(PlattCalibrator), ml, slope, offset);
        var calibratedType = typeof(PlattCalibrator).Assembly.GetType("Microsoft.ML.Calibrators.ParameterMixingCalibratedModelParameters`2", throwOnError: true)!
            .MakeGenericType(typeof(LinearBinaryModelParameters), typeof(PlattCalibrator));
        var calibrated = Create(calibratedType, ml, linear, calibrator);
        var predictionType = typeof(BinaryPredictionTransformer<>).MakeGenericType(typeof(CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>));
        return (ITransformer)Create(predictionType, ml, calibrated, view.Schema, "Features", 0f, "Score");
    }

    // the internal constructor whose first parameter is the host environment and whose other parameters take these arguments
    private static object Create(Type type, MLContext ml, params object?[] arguments)
    {
        var all = new object?[] { (IHostEnvironment)ml }.Concat(arguments).ToArray();
        var constructors = type.GetConstructors(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
            .Where(c => Fits(c.GetParameters(), all)).ToList();
        if (constructors.Count != 1)
        {
            throw new InvalidOperationException(
                $"ML.NET {typeof(MLContext).Assembly.GetName().Version} has {constructors.Count} constructors {type.Name}({string.Join(", ", all.Select(a => a?.GetType().Name ?? "null"))}), this code expects one (written for 5.0.1)");
        }

        return constructors[0].Invoke(all);
    }

    private static bool Fits(ParameterInfo[] parameters, object?[] arguments) =>
        parameters.Length == arguments.Length && parameters.Zip(arguments).All(p =>
        {
            var type = p.First.ParameterType.IsByRef ? p.First.ParameterType.GetElementType()! : p.First.ParameterType;
            return p.Second is null ? !type.IsValueType : type.IsInstanceOfType(p.Second);
        });
}
