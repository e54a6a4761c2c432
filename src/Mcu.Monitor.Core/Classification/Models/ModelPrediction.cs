using Mcu.Monitor.Domain;

namespace Mcu.Monitor.Classification.Models;

/// <summary>
/// The decision and the raw model outputs: the sector model's own choice (before a comment inherits its parent's
/// sector) and the binary models' class-1 probabilities.
/// </summary>
public sealed record ModelPrediction(
    ClassificationResult Result, string ModelSector, float AppealProbability, float NegativeProbability, float InappropriateProbability);
