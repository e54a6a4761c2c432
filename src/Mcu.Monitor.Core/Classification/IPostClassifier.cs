using Mcu.Monitor.Domain;

namespace Mcu.Monitor.Classification;

/// <summary>Decides sector, appeal and risk of one post, with reasons. Implementations are thread-safe.</summary>
public interface IPostClassifier
{
    ClassificationResult Classify(string text, Engagement engagement);
}
