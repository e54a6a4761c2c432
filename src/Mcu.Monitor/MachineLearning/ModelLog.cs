using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.MachineLearning;

/// <summary>Log events of the models, 5000–5099.</summary>
internal static partial class ModelLog
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Warning, Message = "The ML models could not be loaded ({Reason}); classifying with the lexicon (Classification:Models:FallbackToLexicon = true)")]
    public static partial void FallingBackToLexicon(ILogger logger, string reason);
}
