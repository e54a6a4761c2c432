using System.ComponentModel.DataAnnotations;

namespace Mcu.Monitor.Incidents;

/// <summary>
/// When a new appeal joins an open incident instead of opening another (section <c>Incidents:Merge</c>), decided by
/// <see cref="MergeDecision"/>: not another locality or sector, no other street or house number named, published within
/// <see cref="Window"/> of the incident, and texts at least <see cref="MinSimilarity"/> alike — across networks, so one
/// problem is one incident however many residents raise it. The word lists default to null and their defaults live in
/// the <c>Effective…</c> properties, because the configuration binder appends configured items to a pre-filled list.
/// </summary>
public sealed class IncidentMergeOptions
{
    /// <summary>
    /// Default false: on the team's held-out pairs the decision measured precision 0.879 and recall 0.279 (README,
    /// «Incidents»): about one merge in eight would hide an appeal inside another incident, and most duplicates would
    /// still open their own. It is turned on by default when held-out precision reaches 0.9 and recall 0.5.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>How far apart the appeal and the incident's opening may be. Default 3 days.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(3);

    /// <summary>
    /// Least similarity (<see cref="MergeDecision.Similarity"/>: the share of the shorter text's content words found in
    /// the other) when both sides have the same sector and the same detected locality. Default 0.3.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinSimilarity { get; set; } = 0.3;

    /// <summary>
    /// Least similarity when one side stands in for the other: no locality detected on one side («мостовая 22, баки
    /// полные» names no town), or one side classified <c>other</c> (no sector terms found). Default 0.4.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinSimilarityWildcard { get; set; } = 0.4;

    /// <summary>
    /// Least number of content words the two texts share (synonyms and common stems count as one word). One or two
    /// shared words are mostly the object («садик «Ромашка»») and not the problem. Default 3 (README, «Incidents»).
    /// </summary>
    [Range(1, 20)]
    public int MinSharedWords { get; set; } = 3;

    /// <summary>
    /// Words that say nothing about which problem it is — time, complaint and politeness words («когда», «сколько»,
    /// «можно», «прошу», «опять», «неделю»): left out of the similarity. Default <see cref="DefaultGenericWords"/>.
    /// </summary>
    public List<string>? GenericWords { get; set; }

    /// <summary>
    /// Groups of words that name the same thing, one group per entry separated by spaces («бак контейнер мусорка»):
    /// residents write «баки», officials «контейнеры». Default <see cref="DefaultSynonyms"/>.
    /// </summary>
    public List<string>? Synonyms { get; set; }

    public IReadOnlyList<string> EffectiveGenericWords => GenericWords ?? DefaultGenericWords;

    public IReadOnlyList<string> EffectiveSynonyms => Synonyms ?? DefaultSynonyms;

    public static readonly IReadOnlyList<string> DefaultGenericWords =
    [
        "все", "это", "как", "так", "что", "чтобы", "для", "уже", "ещё", "или", "нас", "вас", "нам", "они", "она", "оно", "его", "её",
        "был", "быть", "будет", "есть", "нет", "нету", "там", "тут", "где", "когда", "потом", "только", "очень", "меня", "мне", "наш",
        "ваш", "сам", "свой", "тоже", "даже", "вот", "кто", "нибудь", "почему", "зачем", "вообще", "просто", "при", "без", "после",
        "через", "возле", "около", "рядом", "под", "над", "здравствуйте", "добрый", "уважаемые", "пожалуйста", "спасибо", "прошу",
        "просим", "помогите", "разберитесь", "примите", "меры", "сколько", "можно", "опять", "снова", "сегодня", "вчера", "день",
        "дня", "дней", "неделю", "недели", "недель", "месяц", "месяца", "сутки", "час", "часа", "минут", "утра", "утром", "вечера",
        "вечером", "ночью", "второй", "третий", "третью", "люди", "село", "селе", "улица", "улице", "администрация", "админ", "жалуемся", "жалобы", "звонили",
        "никто", "ничего", "реагирует", "реакции", "обещали", "говорят", "стало", "стоим", "сидим", "ждём",
    ];

    public static readonly IReadOnlyList<string> DefaultSynonyms =
    [
        "контейнер бак мусорка",
        "свалка помойка",
        "свет электричество электроэнергия электроснабжение",
        "освещение фонарь фонари темно темнота темнотища",
        "яма ямы ямища выбоина колдобина",
        "отопление батареи батарея радиатор",
        "горячая горячей горячка гвс",
        "водокачка насос водозабор скважина",
        "канализация канализационный коллектор нечистоты септик",
        "люк колодец",
        "крыша кровля",
        "сосульки сосули",
        "автобус рейс маршрут пазик маршрутка",
        "остановка павильон остановочный",
        "садик детсад",
        "коммуналка жку жкх",
        "квитанция платёжка",
        "ук управляющая управляйка",
        "газ газовик газовщик газовщики",
        "снег сугробы снегопад замело занесло",
        "гололёд каток наледь",
        "собака собаки пёс свора стая",
        "фап фельдшер медпункт",
        "связь интернет сотовая",
        "сломан сломана разбит разбита разломан разломана поломан",
        "течёт протекает капает заливает",
        "вонь воняет запах вонища",
    ];
}
