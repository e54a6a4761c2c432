using Mcu.Monitor.Domain;

namespace Mcu.Monitor.Classification;

/// <summary>Decides sector, appeal and risk of one post, with reasons. Implementations are thread-safe.</summary>
public interface IPostClassifier
{
    /// <param name="text">The post's stored text.</param>
    /// <param name="engagement">Reactions, a risk signal.</param>
    /// <param name="parent">For a comment, what is known of its parent post; null otherwise.</param>
    ClassificationResult Classify(string text, Engagement engagement, ParentContext? parent = null);
}
