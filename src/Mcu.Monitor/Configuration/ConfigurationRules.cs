using Mcu.Monitor.Classification;
using Mcu.Monitor.Localities;
using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Routing;
using Mcu.Monitor.Sources;

namespace Mcu.Monitor.Configuration;

/// <summary>Cross-field and cross-section rules that DataAnnotations cannot say.</summary>
public static class ConfigurationRules
{
    public static IEnumerable<string> Municipality(MunicipalityOptions o)
    {
        if (!string.IsNullOrWhiteSpace(o.TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _))
        {
            yield return $"Municipality:TimeZone = '{o.TimeZone}': unknown time zone (an IANA id such as Europe/Moscow is expected)";
        }
    }

    public static IEnumerable<string> Classification(ClassificationOptions o)
    {
        var t = o.RiskThresholds;
        if (!(t.Medium < t.High && t.High < t.Critical))
        {
            yield return FormattableString.Invariant(
                $"Classification:RiskThresholds = 'Medium {t.Medium}, High {t.High}, Critical {t.Critical}': thresholds must rise from Medium to Critical");
        }

        if (!o.Lexicon.Sectors.Any(s => s.Key != Domain.Sectors.Other))
        {
            yield return "Classification:Lexicon:Sectors = '': at least one sector with terms is required (lexicon.json ships the defaults)";
        }

        foreach (var (id, sector) in o.Lexicon.Sectors)
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(id, "^[a-z][a-z0-9_-]{0,31}$"))
            {
                yield return $"Classification:Lexicon:Sectors:{id} = '{id}': a sector id must be 1-32 lower-case latin letters, digits, '_' or '-'";
            }
        }
    }

    /// <summary>Sector priorities name a known sector and a priority above Normal.</summary>
    public static IEnumerable<string> IncidentRules(Monitor.Incidents.IncidentOptions o, ClassificationOptions classification)
    {
        foreach (var (sector, priority) in o.SectorPriority)
        {
            if (!classification.Lexicon.Sectors.ContainsKey(sector))
            {
                yield return $"{Monitor.Incidents.IncidentOptions.SectionName}:SectorPriority:{sector} = '{priority}': '{sector}' is not a sector of Classification:Lexicon:Sectors";
            }

            if (priority is not ("High" or "Critical"))
            {
                yield return $"{Monitor.Incidents.IncidentOptions.SectionName}:SectorPriority:{sector} = '{priority}': must be 'High' or 'Critical'";
            }
        }
    }

    public static IEnumerable<string> WorkingCalendar(Monitor.Incidents.WorkingCalendarOptions o)
    {
        if (o.WorkdayStart >= o.WorkdayEnd)
        {
            yield return FormattableString.Invariant($"WorkingCalendar:WorkdayStart = '{o.WorkdayStart}': must be before WorkdayEnd ({o.WorkdayEnd})");
        }

        for (var i = 0; i < o.Holidays.Count; i++)
        {
            if (!Monitor.Incidents.WorkingCalendarOptions.TryParseDay(o.Holidays[i], out _))
            {
                yield return $"WorkingCalendar:Holidays:{i} = '{o.Holidays[i]}': must be a date written yyyy-MM-dd";
            }
        }

        for (var i = 0; i < o.WorkingWeekends.Count; i++)
        {
            if (!Monitor.Incidents.WorkingCalendarOptions.TryParseDay(o.WorkingWeekends[i], out _))
            {
                yield return $"WorkingCalendar:WorkingWeekends:{i} = '{o.WorkingWeekends[i]}': must be a date written yyyy-MM-dd";
            }
        }

        var weekends = o.EffectiveWeekends;
        for (var i = 0; i < weekends.Count; i++)
        {
            if (!Monitor.Incidents.WorkingCalendarOptions.TryParseWeekday(weekends[i], out _))
            {
                yield return $"WorkingCalendar:Weekends:{i} = '{weekends[i]}': must be a day name such as Saturday";
            }
        }

        if (weekends.Distinct(StringComparer.OrdinalIgnoreCase).Count() >= 7 && o.WorkingWeekends.Count == 0)
        {
            yield return "WorkingCalendar:Weekends = 'every day': at least one working day a week is needed";
        }

        if ((o.LunchStart is null) != (o.LunchEnd is null) || (o.LunchStart is { } start && o.LunchEnd is { } end && start >= end))
        {
            yield return FormattableString.Invariant($"WorkingCalendar:LunchStart = '{o.LunchStart}': give both LunchStart and LunchEnd, start before end, or neither");
        }
    }

    public static IEnumerable<string> Territory(TerritoryOptions o)
    {
        foreach (var duplicate in o.Localities.GroupBy(l => l.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return $"Territory:Localities = '{duplicate.Key}': locality id is used {duplicate.Count()} times";
        }
    }

    public static IEnumerable<string> Routing(RoutingOptions o, ClassificationOptions classification, TerritoryOptions territory)
    {
        var recipients = o.Recipients.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var duplicate in o.Recipients.GroupBy(r => r.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return $"Routing:Recipients = '{duplicate.Key}': recipient id is used {duplicate.Count()} times";
        }

        if (!string.IsNullOrEmpty(o.DefaultRecipient) && !recipients.Contains(o.DefaultRecipient))
        {
            yield return $"Routing:DefaultRecipient = '{o.DefaultRecipient}': not a configured recipient (Routing:Recipients)";
        }

        for (var i = 0; i < o.Recipients.Count; i++)
        {
            for (var c = 0; c < o.Recipients[i].TelegramChatIds.Count; c++)
            {
                var chat = o.Recipients[i].TelegramChatIds[c];
                if (!long.TryParse(chat, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _))
                {
                    yield return $"Routing:Recipients:{i}:TelegramChatIds:{c} = '{chat}': must be a numeric Telegram chat id such as -1001234567890";
                }
            }

            var escalatesTo = o.Recipients[i].EscalatesTo;
            if (!string.IsNullOrEmpty(escalatesTo) && !recipients.Contains(escalatesTo))
            {
                yield return $"Routing:Recipients:{i}:EscalatesTo = '{escalatesTo}': not a configured recipient";
            }
        }

        var localities = territory.Localities.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < o.Rules.Count; i++)
        {
            var rule = o.Rules[i];
            if (!string.IsNullOrEmpty(rule.Recipient) && !recipients.Contains(rule.Recipient))
            {
                yield return $"Routing:Rules:{i}:Recipient = '{rule.Recipient}': not a configured recipient (Routing:Recipients)";
            }

            if (!string.IsNullOrEmpty(rule.Sector) && rule.Sector != Domain.Sectors.Other && !classification.Lexicon.Sectors.ContainsKey(rule.Sector))
            {
                yield return $"Routing:Rules:{i}:Sector = '{rule.Sector}': not a configured sector (Classification:Lexicon:Sectors)";
            }

            if (!string.IsNullOrEmpty(rule.Locality) && !localities.Contains(rule.Locality))
            {
                yield return $"Routing:Rules:{i}:Locality = '{rule.Locality}': not a configured locality (Territory:Localities)";
            }
        }
    }

    public static IEnumerable<string> Sources(SourcesOptions o, Func<string, string> resolvePath)
    {
        foreach (var duplicate in o.File.GroupBy(f => f.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return $"Sources:File = '{duplicate.Key}': source id is used {duplicate.Count()} times";
        }

        for (var i = 0; i < o.File.Count; i++)
        {
            var source = o.File[i];
            if (source.Enabled && !string.IsNullOrWhiteSpace(source.Path) && !File.Exists(resolvePath(source.Path)))
            {
                yield return $"Sources:File:{i}:Path = '{source.Path}': file not found ({resolvePath(source.Path)})";
            }
        }
    }
}
