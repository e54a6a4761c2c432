namespace Mcu.Monitor.Classification;

/// <summary>
/// Keyword lists of the lexicon classifier (shipped in <c>lexicon.json</c>, section
/// <c>Classification:Lexicon</c>). A term is a word, a prefix ending in <c>*</c>, or a phrase whose
/// words must stand within four tokens of each other; words match by Snowball stem.
/// </summary>
public sealed class LexiconOptions
{
    /// <summary>Sector id → its terms. The sector taxonomy is whatever is configured here.</summary>
    public Dictionary<string, SectorLexiconOptions> Sectors { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Phrases of a request or complaint that needs an answer («помогите», «сколько можно»).</summary>
    public List<string> AppealCues { get; set; } = [];

    /// <summary>Thanks, adverts, spam and announcements: they lower the appeal score.</summary>
    public List<string> NonAppealCues { get; set; } = [];

    /// <summary>Negative tone and anger.</summary>
    public List<string> Negative { get; set; } = [];

    /// <summary>Threats to go higher: prosecutors, the governor, courts, media, protests.</summary>
    public List<string> Escalation { get; set; } = [];

    public List<string> Profanity { get; set; } = [];

    /// <summary>Sensitive groups and topics: children, the elderly, the disabled, deaths.</summary>
    public List<string> Sensitive { get; set; } = [];

    /// <summary>Danger to life or health and mass outages («нет отопления», «запах газа», «ДТП»).</summary>
    public List<string> Severe { get; set; } = [];

    /// <summary>
    /// Words that turn a topical post into a problem report («не», «нет», «никто», «опять», «до сих пор»):
    /// they count for the appeal only when the post already has sector words.
    /// </summary>
    public List<string> ProblemMarkers { get; set; } = [];

    /// <summary>
    /// General Russian words of negative emotion (grief, anger, fear, disgust), beyond complaints: features of
    /// the tone model, not risk terms by themselves.
    /// </summary>
    public List<string> ToneNegative { get; set; } = [];

    /// <summary>General Russian words of positive emotion (joy, love, gratitude): features of the tone model.</summary>
    public List<string> TonePositive { get; set; } = [];
}
