using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.MachineLearning;

/// <summary>Log events of the models, 5000–5099.</summary>
internal static partial class ModelLog
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Warning, Message = "The ML models could not be loaded ({Reason}); classifying with the lexicon (Classification:Models:FallbackToLexicon = true)")]
    public static partial void FallingBackToLexicon(ILogger logger, string reason);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "The ML models were trained with lexicon {Trained}, but the configured lexicon is {Configured}: its terms feed the models' lexicon features, so the models see them differently from training; retrain with `model train`")]
    public static partial void LexiconChanged(ILogger logger, string trained, string configured);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "The ML models were trained with the built-in lexicon {Trained}, but this build has {Built}: its sums are features of the models, so they see them differently from training; retrain with `model train`")]
    public static partial void BuiltInLexiconChanged(ILogger logger, string trained, string built);
}
