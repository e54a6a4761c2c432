namespace Mcu.Monitor.Classification;

/// <summary>The ML.NET models (section <c>Classification:Models</c>), trained by <c>model train</c>.</summary>
public sealed class ModelsOptions
{
    /// <summary>
    /// Folder of the model files (<c>sector.zip</c>, <c>appeal.zip</c>, <c>negative.zip</c>, <c>inappropriate.zip</c>,
    /// <c>features.tsv</c>, <c>model-card.json</c>); a relative path is taken from the application folder, where the
    /// build copies the repository's <c>models/</c>. Default <c>models</c>.
    /// </summary>
    public string Directory { get; set; } = "models";

    /// <summary>Classify with the models; false classifies with the lexicon alone. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// A missing or unreadable model file makes start-up fail naming the file (default, false), or, when true,
    /// logs a warning and classifies with the lexicon.
    /// </summary>
    public bool FallbackToLexicon { get; set; }
}
