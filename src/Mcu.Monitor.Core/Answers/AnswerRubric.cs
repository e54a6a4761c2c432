using System.Buffers;
using System.Text.RegularExpressions;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Text;

namespace Mcu.Monitor.Answers;

/// <summary>
/// Scores how complete an official answer is, 0..100, as a transparent rubric of the regional rules for
/// returning an answer «на доработку» (DOMAIN.md, «What a good answer is»; issue #6 item 6). Deterministic,
/// thread-safe, no I/O. Criteria and default points (<see cref="AnswerRubricOptions"/>):
/// <list type="bullet">
/// <item><b>Действие</b> +40: a concrete action, done or planned («устранена утечка», «будет произведён ремонт»).
/// Words that only repeat the subject of the appeal («ваше обращение о замене труб», «по вопросу ремонта дороги»)
/// and words right after «не» are not actions.</item>
/// <item><b>Срок</b> +30: a concrete date or term (15.12, «15 декабря», «в мае 2027 года», «в течение 3 дней»,
/// «до конца недели», «завтра»), or the work reported as already done («выполнено», «вывезен»): then no deadline
/// is needed. Vague terms («в ближайшее время», «в кратчайшие сроки») do not count: they promise nothing that can
/// be checked, which is what the regional rules return. A date after «от» (the appeal's date) and a term of
/// consideration («будет рассмотрено в течение 30 дней») are not deadlines of the fix.</item>
/// <item><b>Подтверждение</b> +20: a photo, video or document attached, or an act or photo mentioned.</item>
/// <item><b>Обращение к жителю</b> +10: by name, a VK mention or «уважаемая…». Welcome, not required.</item>
/// <item><b>Формальная отписка</b> −40: a formula («обращение принято», «передано в работу») with nothing else: no
/// action, no concrete term, no work reported done and no evidence. Such an answer is
/// <see cref="AnswerRubricResult.IsFormal"/>; a formula beside real content costs nothing.</item>
/// <item><b>Ссылка на закон без пояснения</b> −20: «59-ФЗ», «ст. 161», «постановление» with no action and no
/// reason («так как», «в связи с»). Also makes the answer formal.</item>
/// <item><b>Противоречие</b> −30: the work reported done and impossible in one answer («выполнено» and «не
/// представляется возможным») with no reason given. A partial answer that says why the rest cannot be done
/// («…невозможно из-за отсутствия финансирования») is not a contradiction.</item>
/// </list>
/// </summary>
public sealed partial class AnswerRubric
{
    /// <summary>Words after a subject marker that are masked, at most, up to the next punctuation mark.</summary>
    private const int MaxSubjectWords = 5;

    /// <summary>How far before a date the words of a consideration term («рассмотрено», «ответ») are looked for.</summary>
    private const int ConsiderationWindow = 4;

    private static readonly HashSet<string> AppealNounStems = Stems("обращение", "жалоба", "заявка", "заявление", "сообщение", "запрос");
    private static readonly HashSet<string> SubjectPrepositions = new(StringComparer.Ordinal) { "о", "об", "обо", "на", "касательно", "относительно" };
    private static readonly HashSet<string> SubjectNounStems = Stems("вопрос", "повод", "факт");

    private static readonly SearchValues<char> Punctuation = SearchValues.Create(".,;:!?\n()");

    private static readonly Dictionary<string, string> AttachmentNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["photo"] = "фото", ["posted_photo"] = "фото", ["photos_list"] = "фото", ["video"] = "видео", ["movie"] = "видео",
        ["clip"] = "видео", ["doc"] = "документ", ["document"] = "документ",
    };

    private readonly AnswerRubricOptions _options;
    private readonly TermSet<string> _actions;
    private readonly TermSet<string> _evidence;
    private readonly TermSet<string> _formal;
    private readonly HashSet<string> _completedStems;
    private readonly HashSet<string> _evidenceTypes;
    private readonly PhraseList _deadlineTerms;
    private readonly PhraseList _vagueTerms;
    private readonly PhraseList _addressTerms;
    private readonly PhraseList _legalTerms;
    private readonly PhraseList _explanationTerms;
    private readonly PhraseList _impossibilityTerms;

    public AnswerRubric(AnswerRubricOptions options)
    {
        _options = options;
        _actions = new TermSet<string>(options.Actions.Select(t => (t, t)));
        _evidence = new TermSet<string>(options.EvidenceTerms.Select(t => (t, t)));
        _formal = new TermSet<string>(options.FormalFormulas.Select(t => (t, t)));
        _completedStems = Stems([.. options.CompletedWork]);
        _evidenceTypes = new HashSet<string>(options.EvidenceAttachmentTypes.Select(t => t.Trim()), StringComparer.OrdinalIgnoreCase);
        _deadlineTerms = new PhraseList(options.DeadlineTerms);
        _vagueTerms = new PhraseList(options.VagueDeadlineTerms);
        _addressTerms = new PhraseList(options.AddressTerms);
        _legalTerms = new PhraseList(options.LegalTerms);
        _explanationTerms = new PhraseList(options.ExplanationTerms);
        _impossibilityTerms = new PhraseList(options.ImpossibilityTerms);
    }

    /// <summary>Scores an answer (a comment or post) to the appeal of <paramref name="residentName"/>, if known.</summary>
    public AnswerRubricResult Score(Post answer, string? residentName = null) =>
        Score(answer.Text, answer.Attachments, residentName);

    /// <summary>Scores an answer's text and attachment types (<see cref="Post.Attachments"/>).</summary>
    public AnswerRubricResult Score(string text, IReadOnlyList<string> attachments, string? residentName = null)
    {
        var folded = TextNormalizer.ForMatching(text);
        var tokens = Tokenizer.Tokenize(folded);
        var content = WithoutSubjectAndNegated(folded, tokens);

        var actions = _actions.Match(content).Select(h => h.Term).ToList();
        var completed = FindCompletedWork(content);
        var dates = FindDates(folded, tokens);
        var vague = Phrases(_vagueTerms, tokens);
        var evidenceFiles = attachments.Where(_evidenceTypes.Contains).Select(NameOfAttachment).Distinct(StringComparer.Ordinal).ToList();
        var evidenceWords = _evidence.Match(tokens).Select(h => h.Term).ToList();
        var address = FindAddress(text, tokens, residentName);
        var formulas = _formal.Match(tokens).Select(h => h.Term).ToList();
        var legal = FindLegalReferences(folded, tokens);
        var explanations = Phrases(_explanationTerms, tokens);
        var impossible = Phrases(_impossibilityTerms, tokens);

        var hasAction = actions.Count > 0;
        var hasEvidence = evidenceFiles.Count > 0 || evidenceWords.Count > 0;
        var isFormula = formulas.Count > 0 && !hasAction && completed is null && dates.Count == 0 && !hasEvidence;
        var isBareLegal = legal.Count > 0 && !hasAction && explanations.Count == 0;
        var isContradictory = completed is not null && impossible.Count > 0 && explanations.Count == 0;

        var criteria = new List<AnswerCriterion>
        {
            Bonus(AnswerCriterionKind.Action, hasAction, _options.ActionPoints, hasAction
                ? "названо действие: " + AnswerWords.QuoteAll(actions)
                : "не названо конкретное действие (что сделано или будет сделано)"),
            DeadlineCriterion(dates, completed, vague),
            Bonus(AnswerCriterionKind.Evidence, hasEvidence, _options.EvidencePoints, EvidenceReason(evidenceFiles, evidenceWords)),
            Bonus(AnswerCriterionKind.Addressed, address is not null, _options.AddressedPoints, address is not null
                ? "ответ адресован жителю: " + AnswerWords.Quote(address)
                : "ответ не адресован жителю лично (желательно, но не обязательно)"),
            Penalty(AnswerCriterionKind.NotFormal, !isFormula, _options.FormalPenalty, isFormula
                ? $"формальная отписка: {AnswerWords.QuoteAll(formulas)} без действия, срока и подтверждения"
                : formulas.Count > 0 ? $"есть формула {AnswerWords.QuoteAll(formulas)}, но ответ содержательный" : "не формальная отписка"),
            Penalty(AnswerCriterionKind.NoBareLegalReference, !isBareLegal, _options.BareLegalReferencePenalty, isBareLegal
                ? $"ссылка на закон без пояснения: {AnswerWords.QuoteAll(legal)}"
                : legal.Count > 0 ? $"ссылка на закон {AnswerWords.QuoteAll(legal)} с пояснением или действием" : "ссылок на закон без пояснения нет"),
            Penalty(AnswerCriterionKind.NotContradictory, !isContradictory, _options.ContradictionPenalty, isContradictory
                ? $"противоречие: работа названа выполненной ({AnswerWords.Quote(completed!)}) и невозможной ({AnswerWords.QuoteAll(impossible)}) без объяснения причины"
                : "противоречий не найдено"),
        };

        var score = Math.Clamp(criteria.Sum(c => c.Points), 0, 100);
        return new AnswerRubricResult(score, criteria, isFormula || isBareLegal);
    }

    private AnswerCriterion DeadlineCriterion(List<string> dates, string? completed, List<string> vague)
    {
        var points = _options.DeadlinePoints;
        if (dates.Count > 0)
        {
            return Bonus(AnswerCriterionKind.Deadline, true, points, "назван срок: " + AnswerWords.QuoteAll(dates));
        }

        if (completed is not null)
        {
            return Bonus(AnswerCriterionKind.Deadline, true, points, $"работа уже выполнена ({AnswerWords.Quote(completed)}), срок не нужен");
        }

        return Bonus(AnswerCriterionKind.Deadline, false, points, vague.Count > 0
            ? $"срок не конкретный: {AnswerWords.QuoteAll(vague)} — не засчитан"
            : "не назван срок устранения");
    }

    private static string EvidenceReason(List<string> files, List<string> words) =>
        files.Count > 0 ? "приложено: " + string.Join(", ", files)
        : words.Count > 0 ? "упомянуто подтверждение: " + AnswerWords.QuoteAll(words)
        : "нет подтверждения (фото, видео, акта выполненных работ)";

    private static AnswerCriterion Bonus(AnswerCriterionKind kind, bool met, int points, string reason) =>
        new(kind, met, met ? points : 0, reason);

    private static AnswerCriterion Penalty(AnswerCriterionKind kind, bool met, int penalty, string reason) =>
        new(kind, met, met ? 0 : -penalty, reason);

    /// <summary>
    /// The tokens with two kinds of words masked: the subject of the appeal (after «обращение о…», «жалоба на…»,
    /// «по вопросу…», up to punctuation), because formal replies repeat it («ваше обращение о замене труб
    /// передано»), and any word right after «не» («работы не выполнены»). Positions are kept.
    /// </summary>
    private static List<Token> WithoutSubjectAndNegated(string folded, List<Token> tokens)
    {
        var result = new List<Token>(tokens);
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            var subjectStart =
                AppealNounStems.Contains(tokens[i].Stem) && SubjectPrepositions.Contains(tokens[i + 1].Surface) ? i + 2
                : tokens[i].Surface == "по" && SubjectNounStems.Contains(tokens[i + 1].Stem) ? i + 2
                : -1;
            if (subjectStart >= 0)
            {
                for (var j = subjectStart; j < tokens.Count && j < subjectStart + MaxSubjectWords; j++)
                {
                    if (PunctuationBetween(folded, tokens[j - 1], tokens[j]))
                    {
                        break;
                    }

                    result[j] = Masked(tokens[j]);
                }
            }

            if (AnswerWords.IsNegation(tokens[i].Surface))
            {
                result[i + 1] = Masked(tokens[i + 1]);
            }
        }

        return result;
    }

    private static Token Masked(Token token) => new("\0", "\0", token.Start);

    private static bool PunctuationBetween(string folded, Token before, Token after)
    {
        var from = before.Start + before.Surface.Length;
        return from < after.Start && folded.AsSpan(from, after.Start - from).ContainsAny(Punctuation);
    }

    /// <summary>The first verb of <see cref="AnswerRubricOptions.CompletedWork"/> in a past form that is not a plan.</summary>
    private string? FindCompletedWork(List<Token> content)
    {
        for (var i = 0; i < content.Count; i++)
        {
            if (_completedStems.Contains(content[i].Stem) && AnswerWords.LooksPast(content[i].Surface) && !AnswerWords.IsPlanned(content, i))
            {
                return content[i].Surface;
            }
        }

        return null;
    }

    private List<string> FindDates(string folded, List<Token> tokens)
    {
        var found = new List<string>();
        foreach (var pattern in (Regex[])[NumericDate(), MonthDate(), YearDate(), WithinTerm()])
        {
            foreach (Match match in pattern.Matches(folded))
            {
                if (!IsConsiderationTerm(tokens, match.Index))
                {
                    found.Add(match.Value.Trim());
                }
            }
        }

        foreach (var phrase in _deadlineTerms.Matches(tokens))
        {
            if (!IsConsiderationTerm(tokens, tokens[phrase.Start].Start))
            {
                found.Add(phrase.Phrase);
            }
        }

        // «в мае 2027 года» is found both as a month and as a year: keep the longer wording only.
        return found.Distinct(StringComparer.Ordinal).Where(f => !found.Exists(o => o.Length > f.Length && o.Contains(f, StringComparison.Ordinal))).ToList();
    }

    /// <summary>«будет рассмотрено в течение 30 дней», «ответ будет дан до 15.12»: the term of a reply, not of the fix.</summary>
    private static bool IsConsiderationTerm(List<Token> tokens, int charIndex)
    {
        var before = tokens.FindLastIndex(t => t.Start < charIndex);
        for (var i = before; i >= 0 && i > before - ConsiderationWindow; i--)
        {
            var stem = tokens[i].Stem;
            if (stem.StartsWith("рассмотр", StringComparison.Ordinal) || stem == "ответ")
            {
                return true;
            }
        }

        return false;
    }

    private string? FindAddress(string rawText, List<Token> tokens, string? residentName)
    {
        var mention = VkUserMention().Match(rawText);
        if (mention.Success)
        {
            return mention.Groups[1].Value;
        }

        var firstName = residentName?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (firstName is { Length: >= 2 })
        {
            var nameStem = RussianStemmer.Stem(TextNormalizer.FoldCase(firstName));
            var byName = tokens.FindIndex(t => t.Stem == nameStem);
            if (byName >= 0)
            {
                return firstName;
            }
        }

        return _addressTerms.Matches(tokens).Select(m => m.Phrase).FirstOrDefault();
    }

    private List<string> FindLegalReferences(string folded, List<Token> tokens)
    {
        var found = LegalReference().Matches(folded).Select(m => m.Value.Trim()).ToList();
        found.AddRange(Phrases(_legalTerms, tokens));
        return found.Distinct(StringComparer.Ordinal).ToList();
    }

    private static List<string> Phrases(PhraseList list, List<Token> tokens) =>
        list.Matches(tokens).Select(m => m.Phrase).Distinct(StringComparer.Ordinal).ToList();

    private static string NameOfAttachment(string type) => AttachmentNames.GetValueOrDefault(type, type);

    private static HashSet<string> Stems(params string[] words) =>
        new(words.SelectMany(w => Tokenizer.Tokenize(TextNormalizer.FoldCase(w))).Select(t => t.Stem), StringComparer.Ordinal);

    // Patterns run on folded text (lower case, ё→е). A date right after «от» is the date of the appeal
    // («ваше обращение от 12.11.2026»), not of the fix.
    private const string NotAfterOt = @"(?<!\bот\s+)";

    private const string Month =
        @"(?:январ[ьяею]|феврал[ьяею]|март[аеу]?|апрел[ьяею]|ма[йяею]|июн[ьяею]|июл[ьяею]|август[аеу]?|сентябр[ьяею]|октябр[ьяею]|ноябр[ьяею]|декабр[ьяею])";

    /// <summary>15.12, 15.12.2026, 1.06.27: a day and a month that exist («10.00» is a time), not a clause («п. 3.2»).</summary>
    [GeneratedRegex(NotAfterOt + @"(?<!\b(?:п|ст)\.\s*)(?<![\d.])(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])(?:\.(?:\d{4}|\d{2}))?(?![\d])", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    /// <summary>«15 декабря», «в мае», «до конца мая 2027 года».</summary>
    [GeneratedRegex(NotAfterOt + @"(?<!\d\s*)\b(?:(?:0?[1-9]|[12]\d|3[01])\s+)?" + Month + @"\b(?:\s+20\d{2}(?:\s*(?:года|году|год|г\.?))?)?", RegexOptions.CultureInvariant)]
    private static partial Regex MonthDate();

    /// <summary>«в 2027 году», «до 2027 г.».</summary>
    [GeneratedRegex(NotAfterOt + @"\b20\d{2}\s*(?:года|году|год|г\b\.?)", RegexOptions.CultureInvariant)]
    private static partial Regex YearDate();

    /// <summary>«в течение 3 дней», «в течение двух рабочих дней», «через неделю», «через 2 часа».</summary>
    [GeneratedRegex(@"\b(?:в\s+течени[еи]|через)\s+(?:[\dа-я]+\s+){0,2}?(?:час|дн|дней|сут|недел|месяц)[а-я]*", RegexOptions.CultureInvariant)]
    private static partial Regex WithinTerm();

    /// <summary>«59-ФЗ», «ФЗ № 59», «федеральный закон», «ст. 161», «статьей 12», «п. 3.2», «ЖК РФ», «КоАП».</summary>
    [GeneratedRegex(@"\b\d+\s*-\s*фз\b|\bфз\b(?:\s*№\s*\d+)?|\bфедеральн[а-я]*\s+закон[а-я]*|\bст\.\s*\d+|\bстать[а-я]*\s+\d+|\bп\.\s*\d+(?:\.\d+)*|\b(?:жк|гк|ук|нк)\s+рф\b|\bкоап\b", RegexOptions.CultureInvariant)]
    private static partial Regex LegalReference();

    /// <summary>A VK mention of a user, «[id123|Мария]», as communities reply to a resident.</summary>
    [GeneratedRegex(@"\[id\d+\|([^\]]+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex VkUserMention();
}
