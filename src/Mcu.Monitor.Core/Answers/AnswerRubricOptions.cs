using System.ComponentModel.DataAnnotations;

namespace Mcu.Monitor.Answers;

/// <summary>
/// The completeness rubric of an official answer (section <c>Answers:Rubric</c>, shipped in <c>answers.json</c>),
/// built from the regional rules for returning an answer «на доработку» (DOMAIN.md, «What a good answer is»).
/// <para>
/// Points: <see cref="ActionPoints"/> (40) + <see cref="DeadlinePoints"/> (30) + <see cref="EvidencePoints"/> (20)
/// + <see cref="AddressedPoints"/> (10) = 100 for a complete answer. Penalties are subtracted:
/// <see cref="FormalPenalty"/> (40), <see cref="BareLegalReferencePenalty"/> (20),
/// <see cref="ContradictionPenalty"/> (30). The score is clamped to 0..100.
/// </para>
/// Every word matches by Snowball stem, as in the lexicon classifier, so each inflection counts; a last word
/// ending in <c>*</c> matches by prefix. Lists whose word order is free in official Russian (<see cref="Actions"/>,
/// <see cref="EvidenceTerms"/>, <see cref="FormalFormulas"/>) match like the lexicon: the words within four tokens,
/// in any order («устранена утечка» = «утечка устранена»). The other lists hold short fixed phrases, often with
/// «не» or a preposition («не представляется возможным», «из-за», «до конца недели»), and match as written: the
/// words in this order, one after another, so «из-за» is not found in «за ним из окна».
/// </summary>
public sealed class AnswerRubricOptions
{
    public const string SectionName = "Answers:Rubric";

    /// <summary>Points for naming a concrete action (done or planned). Default 40.</summary>
    [Range(0, 100)]
    public int ActionPoints { get; set; } = 40;

    /// <summary>Points for a concrete date or term of the fix, or for reporting the work as done. Default 30.</summary>
    [Range(0, 100)]
    public int DeadlinePoints { get; set; } = 30;

    /// <summary>Points for evidence: a photo, video or document attached, or an act or photo mentioned. Default 20.</summary>
    [Range(0, 100)]
    public int EvidencePoints { get; set; } = 20;

    /// <summary>Points for addressing the resident (by name or «уважаемая…»): welcome, not required. Default 10.</summary>
    [Range(0, 100)]
    public int AddressedPoints { get; set; } = 10;

    /// <summary>Subtracted from a formal reply: a formula with no action, no concrete term and no evidence. Default 40.</summary>
    [Range(0, 100)]
    public int FormalPenalty { get; set; } = 40;

    /// <summary>Subtracted when a law is cited with no action and no explanation. Default 20.</summary>
    [Range(0, 100)]
    public int BareLegalReferencePenalty { get; set; } = 20;

    /// <summary>Subtracted when the work is reported done and impossible at once, with no reason given. Default 30.</summary>
    [Range(0, 100)]
    public int ContradictionPenalty { get; set; } = 30;

    /// <summary>Concrete actions, done or planned («устранена утечка», «направлена бригада», «ямочный ремонт»).</summary>
    [MinLength(1)]
    public List<string> Actions { get; set; } = [];

    /// <summary>
    /// Single verbs that report work as finished («выполнено», «устранена», «вывезен»). They count only in a past
    /// form (a participle or past tense) not preceded by «будет»/«будут» or «не», so «будет устранено» is a plan.
    /// </summary>
    [MinLength(1)]
    public List<string> CompletedWork { get; set; } = [];

    /// <summary>Words of a concrete term besides dates, which the rubric finds itself («завтра», «до конца недели»).</summary>
    public List<string> DeadlineTerms { get; set; } = [];

    /// <summary>Terms that promise nothing checkable («в ближайшее время»): they do not count as a deadline.</summary>
    public List<string> VagueDeadlineTerms { get; set; } = [];

    /// <summary>Attachment types that are evidence (<see cref="Domain.Post.Attachments"/>: photo, video, doc…).</summary>
    public List<string> EvidenceAttachmentTypes { get; set; } = [];

    /// <summary>Mentions of evidence in the text («акт выполненных работ», «фото прилагаем»).</summary>
    public List<string> EvidenceTerms { get; set; } = [];

    /// <summary>Words that address the resident («уважаем*»); the resident's first name and a VK mention count too.</summary>
    public List<string> AddressTerms { get; set; } = [];

    /// <summary>Formulas of a formal reply («обращение принято», «передано в работу», «в установленном порядке»).</summary>
    [MinLength(1)]
    public List<string> FormalFormulas { get; set; } = [];

    /// <summary>Words of a legal reference besides «59-ФЗ» and «ст. 12», which the rubric finds itself («кодекс»).</summary>
    public List<string> LegalTerms { get; set; } = [];

    /// <summary>Words that explain a reason («так как», «в связи с», «из-за»): a cited law or a refusal with them is explained.</summary>
    public List<string> ExplanationTerms { get; set; } = [];

    /// <summary>Statements that the work cannot be done («не представляется возможным», «невозможно»).</summary>
    public List<string> ImpossibilityTerms { get; set; } = [];
}
