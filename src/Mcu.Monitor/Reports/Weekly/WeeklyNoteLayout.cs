using System.Globalization;

namespace Mcu.Monitor.Reports.Weekly;

/// <summary>
/// What the note says, in order, for a head of administration to read in five minutes: the key points, the headline
/// numbers against last week, the charts, the main problems with example posts, overdue incidents, the recipients'
/// rating, emerging risks, and how the numbers are counted.
/// </summary>
public static class WeeklyNoteLayout
{
    public const string Title = "Еженедельная аналитическая записка";

    /// <summary>The overdue table lists this many, most overdue first, and sums up the rest by recipient.</summary>
    public const int MaxOverdueRows = 15;

    public static IReadOnlyList<NoteBlock> Blocks(WeeklyNote note, int chartWidth = WeeklyNoteCharts.Width, int chartHeight = WeeklyNoteCharts.Height)
    {
        var blocks = new List<NoteBlock>
        {
            Para(new NoteRun($"{note.Municipality}. Неделя {note.Week.Label} ({WeeklyNoteText.Days(note.Week, note.Zone)}); " +
                $"данные на {WeeklyNoteText.Moment(note.AsOf, note.Zone)} ({note.Zone.Id}). Сравнение — с неделей {note.PreviousWeek.Label} " +
                $"({WeeklyNoteText.Days(note.PreviousWeek, note.Zone)})." +
                (note.AsOf < note.Week.To ? " Неделя ещё не закончилась: её числа неполные." : ""))),
            new NoteBlock.Heading(1, "Коротко"),
            new NoteBlock.Bullets([.. KeyPoints(note).Select(p => (IReadOnlyList<NoteRun>)[new NoteRun(p)])]),
            new NoteBlock.Heading(1, "1. Главные показатели"),
            new NoteBlock.Table(
                ["Показатель", $"Неделя {note.Week.Label}", $"Неделя {note.PreviousWeek.Label}", "Изменение"],
                [.. note.Headline.Select(f => (IReadOnlyList<string>)[f.Label, WeeklyNoteText.Value(f.Kind, f.Current), WeeklyNoteText.Value(f.Kind, f.Previous), WeeklyNoteText.Change(f)])],
                [false, true, true, true]),
            new NoteBlock.Heading(1, "2. Динамика"),
        };
        blocks.AddRange(note.Charts.Select(c => new NoteBlock.Image(c, WeeklyNoteCharts.Render(c, chartWidth, chartHeight), chartWidth, chartHeight)));

        blocks.Add(new NoteBlock.Heading(1, "3. Основные проблемы недели"));
        if (note.Problems.Count == 0)
        {
            blocks.Add(Para(new NoteRun("Обращений за неделю нет.")));
        }

        foreach (var problem in note.Problems)
        {
            blocks.Add(new NoteBlock.Heading(2,
                $"{problem.SectorName} — {problem.LocalityName}: {WeeklyNoteText.Plural(problem.Appeals, "обращение", "обращения", "обращений")} " +
                $"({WeeklyNoteText.CountChange(problem.Appeals, problem.PreviousAppeals)} к прошлой неделе)"));
            if (problem.Examples.Count > 0)
            {
                blocks.Add(new NoteBlock.Bullets([.. problem.Examples.Select(e => (IReadOnlyList<NoteRun>)
                [
                    new NoteRun(WeeklyNoteText.Moment(e.PublishedAt, note.Zone) + ", риск " + WeeklyNoteBuilder.RiskName(e.RiskLevel) + ": "),
                    new NoteRun("«" + e.Excerpt + "» "),
                    NoteRun.Link("ссылка", e.Url),
                ])]));
            }
        }

        blocks.Add(new NoteBlock.Heading(1, "4. Просроченные инциденты"));
        blocks.Add(note.Overdue.Count == 0
            ? Para(new NoteRun("Просроченных инцидентов нет."))
            : new NoteBlock.Table(
                ["№", "Получатель", "Отрасль", "Населённый пункт", "Срок", "Просрочено, дн."],
                [.. note.Overdue.Take(MaxOverdueRows).Select(o => (IReadOnlyList<string>)[o.Id.ToString(CultureInfo.InvariantCulture), o.RecipientName, o.SectorName, o.LocalityName,
                    WeeklyNoteText.Moment(o.Due, note.Zone), o.DaysOverdue.ToString(CultureInfo.InvariantCulture)])],
                [true, false, false, false, false, true]));
        if (note.Overdue.Count > MaxOverdueRows)
        {
            blocks.Add(Para(new NoteRun($"Показаны {MaxOverdueRows} самых давних из {note.Overdue.Count}. Всего просрочено по получателям: " +
                string.Join("; ", note.Overdue.GroupBy(o => o.RecipientName).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => $"{g.Key} — {g.Count()}")) + "."), small: true));
        }

        blocks.Add(new NoteBlock.Heading(1, "5. Рейтинг ответственных получателей"));
        var ranked = note.Rating.Rows.Where(r => r.Rank is not null).ToList();
        blocks.Add(ranked.Count == 0
            ? Para(new NoteRun("Инцидентов за неделю не было: рейтинг не составлен."))
            : new NoteBlock.Table(
                ["Место", "Получатель", "Балл", "Получено", "Отвечено", "Реакция в срок", "Медиана реакции, раб. ч", "Просрочено"],
                [.. ranked.Select(r => (IReadOnlyList<string>)[r.Rank!.Value.ToString(CultureInfo.InvariantCulture), r.Name, Number(r.Score, "0.0"),
                    r.Received.ToString(CultureInfo.InvariantCulture), Share(r.ShareAnswered), Share(r.ShareWithinDeadline), Number(r.MedianReactionHours, "0.0"),
                    r.Overdue.ToString(CultureInfo.InvariantCulture)])],
                [true, false, true, true, true, true, true, true]));
        var unranked = note.Rating.Rows.Count - ranked.Count;
        if (unranked > 0)
        {
            blocks.Add(Para(new NoteRun($"Без инцидентов за неделю: {string.Join("; ", note.Rating.Rows.Where(r => r.Rank is null).Select(r => r.Name))}."), small: true));
        }

        blocks.Add(Para(new NoteRun("Балл 0–100: реакция в срок 30 %, доля отвеченных 25 %, полнота ответа 20 %, без повторных открытий 15 %, " +
            "скорость реакции 10 %, ответы в госпаблике 10 % (учитываются только составляющие, по которым есть данные)."), small: true));

        blocks.Add(new NoteBlock.Heading(1, "6. Нарастающие риски"));
        blocks.Add(note.EmergingRisks.Count == 0
            ? Para(new NoteRun("Роста негативных сообщений против прошлой недели нет."))
            : new NoteBlock.Table(
                ["Отрасль", "Населённый пункт", "Негативных за неделю", "За прошлую неделю", "Рост"],
                [.. note.EmergingRisks.Select(r => (IReadOnlyList<string>)[r.SectorName, r.LocalityName, r.Negative.ToString(CultureInfo.InvariantCulture),
                    r.PreviousNegative.ToString(CultureInfo.InvariantCulture), WeeklyNoteText.CountChange(r.Negative, r.PreviousNegative)])],
                [false, false, true, true, true]));
        if (note.Spikes is { } spikes)
        {
            blocks.Add(new NoteBlock.Heading(2, "Всплески (детектор всплесков)"));
            blocks.Add(spikes.Rows.Count == 0
                    ? Para(new NoteRun("Всплесков за неделю не обнаружено."))
                    : new NoteBlock.Table(spikes.Columns, [.. spikes.Rows.Select(r => (IReadOnlyList<string>)[.. r.Select(v => WeeklyNoteText.Cell(v))])],
                        [.. spikes.Columns.Select(_ => false)]));
        }

        blocks.Add(new NoteBlock.Heading(1, "Как считаются показатели"));
        blocks.Add(Para(new NoteRun(
            "Сообщения — посты и комментарии жителей за неделю (публикации официальных аккаунтов не считаются); обращения — те из них, что классификатор " +
            "признал обращениями; инциденты — открытые за неделю. Доля отвеченных — инциденты с официальным ответом; реакция в срок — первая реакция " +
            "до срока реакции; медиана реакции — в рабочих часах по производственному календарю. «Просрочено сейчас» — открытые инциденты с истёкшим " +
            "сроком на момент записки (для прошлой недели — неделей раньше). Изменение долей — в процентных пунктах, остальных показателей — в процентах. " +
            "Негативные сообщения — с уровнем риска выше низкого. Тексты постов приводятся только отрывками до 200 знаков: это персональные данные."), small: true));
        return blocks;
    }

    /// <summary>Three to five sentences a reader takes away if they read nothing else.</summary>
    public static IReadOnlyList<string> KeyPoints(WeeklyNote note)
    {
        var points = new List<string>();
        var messages = note.Figure(WeeklyNoteBuilder.Messages);
        var appeals = note.Figure(WeeklyNoteBuilder.Appeals);
        points.Add($"{WeeklyNoteText.Plural((int)(messages.Current ?? 0), "сообщение", "сообщения", "сообщений")} жителей ({WeeklyNoteText.Change(messages)}), " +
            $"из них {WeeklyNoteText.Plural((int)(appeals.Current ?? 0), "обращение", "обращения", "обращений")} ({WeeklyNoteText.Change(appeals)}).");
        if (note.Problems is [var top, ..])
        {
            points.Add($"Больше всего обращений: {top.SectorName} — {top.LocalityName} ({top.Appeals}).");
            if (top.LocalityId is null && note.Problems.FirstOrDefault(p => p.LocalityId is not null) is { } placed)
            {
                points.Add($"Из населённых пунктов — {placed.LocalityName}: {placed.SectorName} ({placed.Appeals}).");
            }
        }

        var answered = note.Figure(WeeklyNoteBuilder.ShareAnswered);
        var within = note.Figure(WeeklyNoteBuilder.ShareWithinDeadline);
        points.Add($"Отвечено {WeeklyNoteText.Value(FigureKind.Share, answered.Current)} инцидентов, в срок отреагировали на " +
            $"{WeeklyNoteText.Value(FigureKind.Share, within.Current)}.");
        points.Add(note.Overdue.Count == 0 ? "Просроченных инцидентов нет."
            : $"Просрочено {WeeklyNoteText.Plural(note.Overdue.Count, "инцидент", "инцидента", "инцидентов")}; больше всего у получателя " +
              $"«{note.Overdue.GroupBy(o => o.RecipientName).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key}».");
        if (note.EmergingRisks is [var risk, ..])
        {
            points.Add($"Растёт негатив: {risk.SectorName} — {risk.LocalityName} ({risk.PreviousNegative} → {risk.Negative}).");
        }

        return points;
    }

    /// <summary>The URL when it is an absolute http or https one; anything else is not linked.</summary>
    public static string? SafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri.AbsoluteUri : null;

    private static NoteBlock.Paragraph Para(NoteRun run, bool small = false) => new([run], small);

    private static string Number(double? value, string format) => value?.ToString(format, WeeklyNoteText.Russian) ?? "—";

    private static string Share(double? value) => value is { } v ? WeeklyNoteText.Percent(v) : "—";
}
