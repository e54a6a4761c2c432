using System.Globalization;
using Mcu.Monitor.Domain;

namespace Mcu.Monitor.Classification.Models;

/// <summary>
/// Classifies with the ML.NET-trained models: one featurisation per text shared by the sector, appeal, tone and
/// inappropriateness models; risk is the lexicon's risk score with the models' tone and inappropriateness
/// probabilities added (<see cref="LexiconClassifier.DecideRisk"/>). Every decision lists the n-grams and lexicon
/// signals that weighed most. Thread-safe: inference reads immutable weights only.
/// </summary>
public sealed class ModelClassifier : IPostClassifier
{
    private const int TopTerms = 5;

    private readonly LexiconClassifier _lexicon;
    private readonly TextFeaturizer _featurizer;

    public ModelClassifier(LexiconClassifier lexicon, ModelSet models)
    {
        _lexicon = lexicon;
        Models = models;
        _featurizer = new TextFeaturizer(lexicon, models.Settings);
        _featurizer.UseVocabulary(models.Vocabulary);
    }

    public ModelSet Models { get; }

    public string ModelVersion => Models.Version;

    public TextFeaturizer Featurizer => _featurizer;

    public ClassificationResult Classify(string text, Engagement engagement, ParentContext? parent = null) =>
        Classify(text, engagement, parent, explain: true).Result;

    /// <summary>All four model outputs for a text (what <c>model evaluate</c> scores), and the decision.</summary>
    public ModelPrediction Classify(string text, Engagement engagement, ParentContext? parent, bool explain)
    {
        var analysis = _lexicon.Analyse(text);
        var vector = _featurizer.Featurize(text, analysis);
        var sectorModel = Models.Sector;
        Span<float> sectorProbabilities = stackalloc float[sectorModel.Classes.Count];
        sectorModel.Probabilities(vector, sectorProbabilities);
        var hits = analysis.Hits;
        var sectorScores = LexiconClassifier.SectorScores(hits);
        if (Models.SectorLexiconBoost != 0 && sectorScores.Count > 0)
        {
            SectorEnsemble.Combine(sectorProbabilities, sectorModel.Classes, sectorScores.ToDictionary(p => p.Key, p => p.Value.Score, StringComparer.Ordinal), Models.SectorLexiconBoost);
        }

        var best = 0;
        for (var c = 1; c < sectorProbabilities.Length; c++)
        {
            if (sectorProbabilities[c] > sectorProbabilities[best])
            {
                best = c;
            }
        }

        var appealProbability = Models.Appeal.Probability(vector);
        var negativeProbability = Models.Negative.Probability(vector);
        var inappropriateProbability = Models.Inappropriate.Probability(vector);
        var sector = sectorModel.Classes[best];
        var isAppeal = appealProbability >= Models.AppealThreshold;

        if (!analysis.HasWords)
        {
            return new ModelPrediction(LexiconClassifier.NoWords(ModelVersion), sector, appealProbability, negativeProbability, inappropriateProbability);
        }

        var reasons = new List<string>(4);

        // A short comment with no sector words of its own («у нас то же самое») is about its parent post.
        if (parent is not null && parent.Sector != Sectors.Other && sectorScores.Count == 0 && sectorProbabilities[best] < 0.6f)
        {
            sector = parent.Sector;
            if (explain)
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture,
                    $"сектор {sector}: по родительскому посту (своих отраслевых терминов нет, модель уверена лишь на {sectorProbabilities[best]:0.00})"));
            }
        }
        else if (explain)
        {
            var boosted = Models.SectorLexiconBoost != 0 && sectorScores.TryGetValue(sector, out var own)
                ? string.Create(CultureInfo.InvariantCulture, $"; словарь сектора +{Models.SectorLexiconBoost * SectorEnsemble.Scaled(own.Score):0.00} [{string.Join(", ", own.Terms.Select(LexiconClassifier.Quote))}]")
                : "";
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"сектор {sector} (модель {sectorProbabilities[best]:0.00}): ")
                + Explain(sectorModel, vector, best, against: false, sectorScores) + boosted);
        }

        if (explain)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{(isAppeal ? "обращение" : "не обращение")} (модель {appealProbability:0.00}, порог {Models.AppealThreshold:0.00}): ")
                + Explain(Models.Appeal, vector, 0, against: !isAppeal, sectorScores));
        }

        var riskReasons = explain ? reasons : [];
        var (risk, score) = _lexicon.DecideRisk(text, isAppeal, engagement, hits, riskReasons, new ModelRiskSignals(
            negativeProbability, Models.NegativeThreshold, inappropriateProbability, Models.InappropriateThreshold));
        if (explain && negativeProbability >= Models.NegativeThreshold)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"негативный тон (модель {negativeProbability:0.00}): ")
                + Explain(Models.Negative, vector, 0, against: false, sectorScores));
        }

        if (explain && inappropriateProbability >= Models.InappropriateThreshold)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"неприемлемое содержание (модель {inappropriateProbability:0.00}): ")
                + Explain(Models.Inappropriate, vector, 0, against: false, sectorScores));
        }

        var result = new ClassificationResult
        {
            Sector = sector,
            IsAppeal = isAppeal,
            Risk = risk,
            RiskScore = score,
            Reasons = reasons,
            ModelVersion = ModelVersion,
        };
        return new ModelPrediction(result, sectorModel.Classes[best], appealProbability, negativeProbability, inappropriateProbability);
    }

    private string Explain(
        LinearModel model, FeatureVector vector, int row, bool against, Dictionary<string, (int Score, List<string> Terms)> sectorScores)
    {
        var top = model.TopContributions(vector, row, TopTerms, against);
        if (top.Count == 0)
        {
            return "весомых признаков нет";
        }

        var vocabulary = Models.Vocabulary;
        var parts = new List<string>(top.Count);
        foreach (var (feature, contribution) in top)
        {
            var signed = against ? -contribution : contribution;
            parts.Add(Describe(vocabulary, feature, sectorScores) + (signed >= 0 ? " +" : " ") + signed.ToString("0.00", CultureInfo.InvariantCulture));
        }

        return string.Join(", ", parts);
    }

    private static string Describe(FeatureVocabulary vocabulary, int feature, Dictionary<string, (int Score, List<string> Terms)> sectorScores)
    {
        if (vocabulary.Kinds[feature] != FeatureVocabulary.Special)
        {
            return LexiconClassifier.Quote(vocabulary.Display(feature));
        }

        var name = vocabulary.Texts[feature];
        if (name.StartsWith("lex:sector:", StringComparison.Ordinal) && sectorScores.TryGetValue(name["lex:sector:".Length..], out var score))
        {
            return $"словарь {name["lex:sector:".Length..]} [{string.Join(", ", score.Terms.Select(LexiconClassifier.Quote))}]";
        }

        return SpecialText(name);
    }

    /// <summary>How an explanation names a special feature (other than a sector's lexicon score) for an officer.</summary>
    internal static string SpecialText(string name) =>
        name switch
        {
            "lex:appeal_cue" => "призыв (словарь)",
            "lex:non_appeal" => "благодарность/объявление (словарь)",
            "lex:negative" => "негатив (словарь)",
            "lex:escalation" => "эскалация (словарь)",
            "lex:profanity" => "брань (словарь)",
            "lex:sensitive" => "чувствительная тема (словарь)",
            "lex:severe" => "тяжёлая ситуация (словарь)",
            "lex:problem" => "описание проблемы (словарь)",
            "lex:tone_negative" => "негативные эмоции (словарь)",
            "lex:tone_positive" => "позитивные эмоции (словарь)",
            "txt:question" => "вопрос",
            "txt:exclaim" or "txt:exclaim_many" => "восклицание",
            "txt:caps" => "капслок",
            "txt:smile" => "смайл «)»",
            "txt:sad" => "смайл «(»",
            "txt:short" => "короткий текст",
            "txt:long" => "длинный текст",
            "senti:negative" => "негативные слова (общий словарь)",
            "senti:positive" => "позитивные слова (общий словарь)",
            "senti:negative_only" => "только негативные слова (общий словарь)",
            "senti:positive_only" => "только позитивные слова (общий словарь)",
            "tone:negative" => "негативные слова (словарь тона)",
            "tone:positive" => "позитивные слова (словарь тона)",
            "tone:negative_only" => "только негативные слова (словарь тона)",
            "tone:positive_only" => "только позитивные слова (словарь тона)",
            _ => name,
        };
}
