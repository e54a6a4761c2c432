namespace Mcu.Monitor.Classification;

/// <summary>What the ML models add to the risk: tone and inappropriateness probabilities with their decision thresholds.</summary>
internal sealed record ModelRiskSignals(double NegativeProbability, double NegativeThreshold, double InappropriateProbability, double InappropriateThreshold);
