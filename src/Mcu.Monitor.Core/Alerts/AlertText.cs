using System.Globalization;
using System.Text;

namespace Mcu.Monitor.Alerts;

/// <summary>The plain-text alert in Russian, as an officer or a recipient reads it.</summary>
public static class AlertText
{
    public static string Format(AlertMessage message, TimeZoneInfo timeZone, int maxTextLength)
    {
        var due = TimeZoneInfo.ConvertTime(message.DueAt, timeZone);
        var published = TimeZoneInfo.ConvertTime(message.PublishedAt, timeZone);
        var text = Excerpt(message.PostText, maxTextLength);
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"{Headline(message.Kind, message.IncidentId)} → {message.RecipientName}");
        builder.Append(CultureInfo.InvariantCulture, $" | {message.SectorName}");
        builder.Append(CultureInfo.InvariantCulture, $" | {message.LocalityName ?? "населённый пункт не указан"}");
        builder.Append(CultureInfo.InvariantCulture, $" | риск {message.Risk}");
        builder.Append(CultureInfo.InvariantCulture, $" | ответить до {due:dd.MM.yyyy HH:mm}\n");
        builder.Append(CultureInfo.InvariantCulture, $"  {published:dd.MM HH:mm} {message.PostUrl ?? message.Network.ToString()}\n");
        builder.Append(CultureInfo.InvariantCulture, $"  «{text}»");
        if (message.Details is { Length: > 0 } details)
        {
            builder.Append(CultureInfo.InvariantCulture, $"\n  {details}");
        }

        var risk = message.Reasons.FirstOrDefault(r => r.StartsWith("риск", StringComparison.Ordinal));
        if (risk is not null)
        {
            builder.Append(CultureInfo.InvariantCulture, $"\n  {risk}");
        }

        return builder.ToString();
    }

    /// <summary>What the alert is about, in a few words: the kind of event and the incident.</summary>
    public static string Headline(string kind, long incidentId) => kind switch
    {
        "incident.reminder" => $"Напоминание: инцидент #{incidentId}",
        "incident.escalated" => $"Эскалация: инцидент #{incidentId} просрочен",
        "incident.reassigned" => $"Инцидент #{incidentId} передан вам",
        "incident.rejected" => $"Инцидент #{incidentId} возвращён в МЦУ: «не наша компетенция»",
        "incident.reopened" => $"Инцидент #{incidentId} открыт повторно: житель пишет, что ничего не сделано",
        _ => $"Инцидент #{incidentId}",
    };

    /// <summary>The first <paramref name="maxLength"/> characters on one line, cut at a word where possible.</summary>
    public static string Excerpt(string text, int maxLength)
    {
        var oneLine = string.Join(' ', text.Split((char[])['\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (oneLine.Length <= maxLength)
        {
            return oneLine.Length == 0 ? "(без текста)" : oneLine;
        }

        var cut = oneLine.LastIndexOf(' ', maxLength);
        if (cut < maxLength / 2)
        {
            cut = maxLength;
        }

        if (cut > 0 && char.IsHighSurrogate(oneLine[cut - 1]))
        {
            cut--; // never split an emoji in half
        }

        return oneLine[..cut] + "…";
    }
}
