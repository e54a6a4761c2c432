namespace Mcu.Monitor.Classification.Models;

/// <summary>A sparse feature vector: ascending indexes into the vocabulary and their values.</summary>
public sealed class FeatureVector(int[] indices, float[] values)
{
    public int[] Indices { get; } = indices;

    public float[] Values { get; } = values;

    public int Count => Indices.Length;
}
