using System.Security.Cryptography;
using System.Text;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Text;

namespace Mcu.Monitor.Classification;

/// <summary>
/// A transparent classifier: configured Russian terms, matched by stem, add up to a sector score, an
/// appeal score and a risk score, and every decision names the terms behind it. It is the fallback and
/// the explanation layer when ML models are present (issue #4). Thread-safe.
/// </summary>
public sealed class LexiconClassifier : IPostClassifier
{
    private const int MaxNegative = 4;
    private const int MaxPerSignal = 2;

    private readonly ClassificationOptions _options;
    private readonly TermSet<Signal> _terms;
    private readonly List<string> _sectorOrder;

    public LexiconClassifier(ClassificationOptions options)
    {
        _options = options;
        _sectorOrder = [.. options.Lexicon.Sectors.Keys];
        _terms = new TermSet<Signal>(EnumerateTerms(options.Lexicon));
        ModelVersion = "lexicon-" + Fingerprint(options.Lexicon);
    }

    /// <summary><c>lexicon-</c> and a hash of the configured terms: it changes when the lists change.</summary>
    public string ModelVersion { get; }

    public ClassificationResult Classify(string text, Engagement engagement, ParentContext? parent = null)
    {
        var analysis = Analyse(text);
        if (!analysis.HasWords)
        {
            return NoWords(ModelVersion);
        }

        var hits = analysis.Hits;
        var reasons = new List<string>();

        var sector = DecideSector(hits, parent, reasons);
        var isAppeal = DecideAppeal(text, sector, parent, hits, reasons);
        var (risk, score) = DecideRisk(text, isAppeal, engagement, hits, reasons, model: null);

        return new ClassificationResult
        {
            Sector = sector,
            IsAppeal = isAppeal,
            Risk = risk,
            RiskScore = score,
            Reasons = reasons,
            ModelVersion = ModelVersion,
        };
    }

    /// <summary>The sector ids in configured order (ties and model features follow it).</summary>
    public IReadOnlyList<string> SectorOrder => _sectorOrder;

    /// <summary>Tokenises and matches the configured terms once; the ML classifier shares the result.</summary>
    internal LexiconAnalysis Analyse(string text)
    {
        var tokens = Tokenizer.Tokenize(TextNormalizer.ForModel(text));
        var hasWords = tokens.Exists(t => t.Surface.Any(char.IsLetter));
        return new LexiconAnalysis(tokens, hasWords ? _terms.Match(tokens) : [], hasWords);
    }

    internal static ClassificationResult NoWords(string modelVersion) => new()
    {
        Sector = Sectors.Other,
        IsAppeal = false,
        Risk = RiskLevel.Low,
        RiskScore = 0,
        Reasons = ["нет слов для анализа (пустой текст, эмодзи или вложения)"],
        ModelVersion = modelVersion,
    };

    /// <summary>The lexicon's sector scores of a text (sum of matched term weights per sector).</summary>
    public IReadOnlyDictionary<string, int> SectorScoresOf(string text) =>
        SectorScores(Analyse(text).Hits).ToDictionary(p => p.Key, p => p.Value.Score, StringComparer.Ordinal);

    /// <summary>Sector score (sum of term weights) per configured sector, with the terms that made it.</summary>
    internal static Dictionary<string, (int Score, List<string> Terms)> SectorScores(List<TermHit<Signal>> hits)
    {
        var scores = new Dictionary<string, (int Score, List<string> Terms)>(StringComparer.Ordinal);
        foreach (var hit in hits)
        {
            if (hit.Tag.Kind != SignalKind.Sector)
            {
                continue;
            }

            var sectorId = hit.Tag.Sector!;
            var current = scores.TryGetValue(sectorId, out var s) ? s : (0, new List<string>());
            current.Item2.Add(hit.Term);
            scores[sectorId] = (current.Item1 + hit.Tag.Weight, current.Item2);
        }

        return scores;
    }

    private string DecideSector(List<TermHit<Signal>> hits, ParentContext? parent, List<string> reasons)
    {
        var scores = SectorScores(hits);

        // Highest score wins; a tie goes to the sector configured first, so the result is deterministic.
        var best = scores
            .OrderByDescending(p => p.Value.Score)
            .ThenBy(p => _sectorOrder.IndexOf(p.Key))
            .FirstOrDefault();

        if (best.Key is null || best.Value.Score < _options.MinSectorScore)
        {
            if (parent is not null && parent.Sector != Sectors.Other)
            {
                reasons.Add($"сектор {parent.Sector}: по родительскому посту (своих отраслевых терминов нет)");
                return parent.Sector;
            }

            reasons.Add("сектор other: отраслевых терминов не найдено");
            return Sectors.Other;
        }

        var runnerUp = scores.Where(p => p.Key != best.Key).Select(p => $"{p.Key} {p.Value.Score}").ToList();
        reasons.Add(FormattableString.Invariant($"сектор {best.Key} ({best.Value.Score} б.): {string.Join(", ", best.Value.Terms.Select(Quote))}")
            + (runnerUp.Count > 0 ? $"; другие: {string.Join(", ", runnerUp)}" : ""));
        return best.Key;
    }

    internal static bool DecideAppeal(string text, string sector, ParentContext? parent, List<TermHit<Signal>> hits, List<string> reasons)
    {
        var cues = Terms(hits, SignalKind.AppealCue);
        var nonCues = Terms(hits, SignalKind.NonAppealCue);
        var negative = Terms(hits, SignalKind.Negative);
        var escalation = Terms(hits, SignalKind.Escalation);
        var severe = Terms(hits, SignalKind.Severe);
        var problem = Terms(hits, SignalKind.ProblemMarker);
        var isTopical = sector != Sectors.Other;
        var asks = text.Contains('?', StringComparison.Ordinal);

        var score = 2 * Math.Min(cues.Count, 3)
            + (negative.Count > 0 ? 1 : 0)
            + (escalation.Count > 0 ? 1 : 0)
            + (severe.Count > 0 ? 1 : 0)
            + (asks ? 1 : 0)
            + (isTopical && problem.Count > 0 ? 1 : 0)
            - 2 * Math.Min(nonCues.Count, 3);

        // A topical post needs one signal of a request or a problem; an off-sector one (health, stray
        // dogs) needs a clear request, because most off-sector chatter asks nothing of the administration.
        var isAppeal = isTopical ? score >= 1 : score >= 3;

        var why = new List<string>();
        if (cues.Count > 0) why.Add("призыв " + string.Join(", ", cues.Select(Quote)));
        if (asks) why.Add("вопрос");
        if (negative.Count > 0) why.Add("негатив " + string.Join(", ", negative.Select(Quote)));
        if (escalation.Count > 0) why.Add("эскалация " + string.Join(", ", escalation.Select(Quote)));
        if (severe.Count > 0) why.Add("тяжёлая ситуация " + string.Join(", ", severe.Select(Quote)));
        if (isTopical && problem.Count > 0) why.Add("описание проблемы " + string.Join(", ", problem.Select(Quote)));
        if (nonCues.Count > 0) why.Add("не обращение: " + string.Join(", ", nonCues.Select(Quote)));
        reasons.Add(FormattableString.Invariant($"{(isAppeal ? "обращение" : "не обращение")} ({score} б.{(isTopical ? "" : ", вне отраслей нужно 3")})")
            + (why.Count > 0 ? ": " + string.Join("; ", why) : ""));
        return isAppeal;
    }

    /// <summary>
    /// The 0..1 risk score and level. <paramref name="model"/> adds the ML models' tone and inappropriateness
    /// probabilities: the model's negativity replaces the lexicon's negative terms when it says more.
    /// </summary>
    internal (RiskLevel Level, double Score) DecideRisk(
        string text, bool isAppeal, Engagement engagement, List<TermHit<Signal>> hits, List<string> reasons, ModelRiskSignals? model)
    {
        var w = _options.RiskWeights;
        var parts = new List<string>();
        double score = 0;

        void AddSignal(SignalKind kind, double weight, int cap, string label)
        {
            var terms = Terms(hits, kind);
            if (terms.Count == 0)
            {
                return;
            }

            score += weight * Math.Min(terms.Count, cap);
            parts.Add($"{label} {string.Join(", ", terms.Select(Quote))}");
        }

        if (isAppeal)
        {
            score += w.Appeal;
            parts.Add("обращение");
        }

        var negativeTerms = Terms(hits, SignalKind.Negative);
        var lexiconNegative = w.Negative * Math.Min(negativeTerms.Count, MaxNegative);
        var modelNegative = model is { NegativeProbability: var pn } && pn >= model.NegativeThreshold ? w.NegativeModel * pn : 0;
        if (lexiconNegative > 0 || modelNegative > 0)
        {
            score += Math.Max(lexiconNegative, modelNegative);
            var label = negativeTerms.Count > 0 ? $"негатив {string.Join(", ", negativeTerms.Select(Quote))}" : "негатив";
            parts.Add(modelNegative > 0 ? label + FormattableString.Invariant($" (модель {model!.NegativeProbability:0.00})") : label);
        }

        if (model is { InappropriateProbability: var pi } && pi >= model.InappropriateThreshold)
        {
            score += w.Inappropriate * pi;
            parts.Add(FormattableString.Invariant($"неприемлемый тон (модель {pi:0.00})"));
        }

        AddSignal(SignalKind.Escalation, w.Escalation, MaxPerSignal, "эскалация");
        AddSignal(SignalKind.Profanity, w.Profanity, MaxPerSignal, "брань");
        AddSignal(SignalKind.Sensitive, w.Sensitive, MaxPerSignal, "чувствительная тема");
        AddSignal(SignalKind.Severe, w.Severe, MaxPerSignal, "тяжёлая ситуация");

        if (IsShouting(text))
        {
            score += w.Shouting;
            parts.Add("текст капслоком");
        }

        var reach = engagement.Likes + 2.0 * engagement.Comments + 3.0 * engagement.Reposts;
        if (reach > 0)
        {
            // log10(1000) = 3: a post with ~1000 weighted reactions gets the full engagement weight
            var engagementScore = Math.Min(1.0, Math.Log10(1 + reach) / 3.0) * w.Engagement;
            score += engagementScore;
            if (engagementScore >= w.Engagement / 3)
            {
                parts.Add(FormattableString.Invariant($"охват {reach:0}"));
            }

            // Velocity: reactions per hour since publication, when the reader knows the post's age. A post
            // gathering 50+ weighted reactions an hour is spreading now, whatever its total.
            if (engagement.Age is { } age && age > TimeSpan.Zero)
            {
                var perHour = reach / Math.Max(age.TotalHours, 0.25);
                var velocityScore = Math.Min(1.0, Math.Log10(1 + perHour) / Math.Log10(1 + w.VelocityFullAt)) * w.Velocity;
                score += velocityScore;
                if (velocityScore >= w.Velocity / 3)
                {
                    parts.Add(FormattableString.Invariant($"быстрый рост реакций {perHour:0}/ч"));
                }
            }
        }

        if (!isAppeal)
        {
            score *= w.NonAppealFactor;
        }

        score = Math.Round(Math.Min(1.0, score), 3);
        var t = _options.RiskThresholds;
        var level = score >= t.Critical ? RiskLevel.Critical
            : score >= t.High ? RiskLevel.High
            : score >= t.Medium ? RiskLevel.Medium
            : RiskLevel.Low;

        reasons.Add(FormattableString.Invariant($"риск {level} ({score:0.00})") + (parts.Count > 0 ? ": " + string.Join("; ", parts) : ": сигналов нет"));
        return (level, score);
    }

    private static bool IsShouting(string text)
    {
        int letters = 0, upper = 0;
        foreach (var c in text.AsSpan(0, Math.Min(text.Length, Tokenizer.MaxMatchedChars)))
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (char.IsUpper(c)) upper++;
            }
        }

        return letters >= 20 && upper > letters * 0.6;
    }

    internal static List<string> Terms(List<TermHit<Signal>> hits, SignalKind kind) =>
        hits.Where(h => h.Tag.Kind == kind).Select(h => h.Term).ToList();

    internal static string Quote(string term) => $"«{term}»";

    private static IEnumerable<(string, Signal)> EnumerateTerms(LexiconOptions lexicon)
    {
        foreach (var (sectorId, sector) in lexicon.Sectors)
        {
            foreach (var term in sector.Terms) yield return (term, new Signal(SignalKind.Sector, sectorId, 1));
            foreach (var term in sector.StrongTerms) yield return (term, new Signal(SignalKind.Sector, sectorId, 2));
        }

        foreach (var term in lexicon.AppealCues) yield return (term, new Signal(SignalKind.AppealCue));
        foreach (var term in lexicon.NonAppealCues) yield return (term, new Signal(SignalKind.NonAppealCue));
        foreach (var term in lexicon.Negative) yield return (term, new Signal(SignalKind.Negative));
        foreach (var term in lexicon.Escalation) yield return (term, new Signal(SignalKind.Escalation));
        foreach (var term in lexicon.Profanity) yield return (term, new Signal(SignalKind.Profanity));
        foreach (var term in lexicon.Sensitive) yield return (term, new Signal(SignalKind.Sensitive));
        foreach (var term in lexicon.Severe) yield return (term, new Signal(SignalKind.Severe));
        foreach (var term in lexicon.ProblemMarkers) yield return (term, new Signal(SignalKind.ProblemMarker));
        foreach (var term in lexicon.ToneNegative) yield return (term, new Signal(SignalKind.ToneNegative));
        foreach (var term in lexicon.TonePositive) yield return (term, new Signal(SignalKind.TonePositive));
    }

    private static string Fingerprint(LexiconOptions lexicon)
    {
        var all = string.Join('\n', EnumerateTerms(lexicon).Select(t => $"{t.Item2.Kind}|{t.Item2.Sector}|{t.Item2.Weight}|{t.Item1}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(all)))[..8];
    }

    internal enum SignalKind
    {
        Sector,
        AppealCue,
        NonAppealCue,
        Negative,
        Escalation,
        Profanity,
        Sensitive,
        Severe,
        ProblemMarker,
        ToneNegative,
        TonePositive,
    }

    internal sealed record Signal(SignalKind Kind, string? Sector = null, int Weight = 1);

    /// <summary>A text's tokens and the configured terms found in it.</summary>
    internal sealed record LexiconAnalysis(List<Token> Tokens, List<TermHit<Signal>> Hits, bool HasWords);
}
