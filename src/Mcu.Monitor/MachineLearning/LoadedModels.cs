using Mcu.Monitor.Classification;
using Mcu.Monitor.Classification.Models;
using Mcu.Monitor.Text;
using Microsoft.Extensions.Logging;

namespace Mcu.Monitor.MachineLearning;

/// <summary>
/// The models, loaded once per process by the first caller — start-up validation of the <c>Classification</c>
/// section, so a broken model fails start-up, not the first poll — and the classifier they give: the ML classifier,
/// or the lexicon when models are disabled or, with <c>FallbackToLexicon</c>, unreadable. (It takes the bound
/// options as an argument: resolving the validated options from here would re-enter their own validation.)
/// </summary>
public sealed class LoadedModels(ILogger<LoadedModels> logger)
{
    private readonly Lock _lock = new();
    private ModelState? _state;

    public ModelState Get(ClassificationOptions classification)
    {
        lock (_lock)
        {
            return _state ??= Load(classification);
        }
    }

    private ModelState Load(ClassificationOptions classification)
    {
        var lexicon = new LexiconClassifier(classification);
        var settings = classification.Models;
        if (!settings.Enabled)
        {
            return new ModelState(lexicon, null, lexicon, null);
        }

        try
        {
            var models = ModelFiles.Load(settings.Directory, lexicon);
            if (models.LexiconVersion is { } trained && trained != lexicon.ModelVersion)
            {
                // an operator may edit the term lists (the sectors themselves are checked against the vocabulary)
                ModelLog.LexiconChanged(logger, trained, lexicon.ModelVersion);
            }

            // the files are built in, so a difference means models trained by another build of the product
            if (models.SentimentLexiconVersion is { } sentiment && sentiment != SentimentLexicon.Version)
            {
                ModelLog.BuiltInLexiconChanged(logger, sentiment, SentimentLexicon.Version);
            }

            if (models.ToneLexiconVersion is { } tone && tone != ToneLexicon.Version)
            {
                ModelLog.BuiltInLexiconChanged(logger, tone, ToneLexicon.Version);
            }

            return new ModelState(lexicon, models, new ModelClassifier(lexicon, models), null);
        }
        catch (ModelLoadException ex)
        {
            if (settings.FallbackToLexicon)
            {
                ModelLog.FallingBackToLexicon(logger, ex.Message);
            }

            return new ModelState(lexicon, null, lexicon, ex.Message);
        }
    }

    /// <summary>The start-up check: a model that cannot be loaded is a configuration error unless falling back is allowed.</summary>
    public IEnumerable<string> Rules(ClassificationOptions classification)
    {
        var options = classification.Models;
        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            yield return "Classification:Models:Directory = '': a folder is required";
            yield break;
        }

        var state = Get(classification);
        if (options.Enabled && state.Error is not null && !options.FallbackToLexicon)
        {
            yield return $"Classification:Models:Directory = '{options.Directory}': cannot load the models: {state.Error} "
                + "(train them with `model train`, set Classification:Models:FallbackToLexicon = true to run on the lexicon, or Enabled = false)";
        }
    }
}

/// <summary>What was loaded: the classifier in use, the models when there are any, and why not when they failed (naming the file).</summary>
public sealed record ModelState(LexiconClassifier Lexicon, ModelSet? Models, IPostClassifier Classifier, string? Error)
{
    public string ModelVersion => Classifier is ModelClassifier ml ? ml.ModelVersion : Lexicon.ModelVersion;
}
