using System.Globalization;
using System.Text;
using Mcu.Monitor.Domain;
using Telegram.Bot.Types.ReplyMarkups;

namespace Mcu.Monitor.Alerts.Telegram;

/// <summary>
/// An alert as a Telegram message in Russian: HTML with the post text escaped (residents' text is untrusted: a
/// «&lt;b&gt;» in it must arrive as text), a link to the post, sector, locality, risk with reasons and the deadline,
/// cut to fit Telegram's 4096-character limit; and the recipient's buttons when there is something to do.
/// </summary>
public static class TelegramAlertFormatter
{
    /// <summary>Callback data prefixes; each fits Telegram's 64-byte limit with any incident id.</summary>
    public const string TakeAction = "take";
    public const string AnswerAction = "answer";
    public const string RejectAction = "reject";
    public const string CategoryAction = "category";

    private static readonly HashSet<string> ActionableKinds = new(StringComparer.Ordinal)
    {
        "incident.opened", "incident.reminder", "incident.reassigned", "incident.reopened",
    };

    public static string Format(AlertMessage message, TimeZoneInfo timeZone, int maxTextLength)
    {
        var due = TimeZoneInfo.ConvertTime(message.DueAt, timeZone);
        var published = TimeZoneInfo.ConvertTime(message.PublishedAt, timeZone);
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"<b>{TelegramHtml.Escape(AlertText.Headline(message.Kind, message.IncidentId))}</b>\n");
        head.Append(CultureInfo.InvariantCulture, $"Ответственный: {TelegramHtml.Escape(message.RecipientName)}\n");
        head.Append(CultureInfo.InvariantCulture, $"Сектор: {TelegramHtml.Escape(message.SectorName)} · {TelegramHtml.Escape(message.LocalityName ?? "населённый пункт не указан")}\n");
        head.Append(CultureInfo.InvariantCulture, $"Риск: {RiskName(message.Risk)}");
        if (message.Reasons.FirstOrDefault(r => r.StartsWith("риск", StringComparison.Ordinal)) is { } risk)
        {
            head.Append(CultureInfo.InvariantCulture, $" ({TelegramHtml.Escape(risk)})");
        }

        head.Append(CultureInfo.InvariantCulture, $"\nСрок: <b>{due:dd.MM.yyyy HH:mm}</b>\n");
        if (message.Details is { Length: > 0 } details)
        {
            head.Append(CultureInfo.InvariantCulture, $"{TelegramHtml.Escape(details)}\n");
        }

        var link = message.PostUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? $"<a href=\"{TelegramHtml.Escape(url)}\">{NetworkName(message.Network)}, {published:dd.MM HH:mm}</a>"
            : $"{NetworkName(message.Network)}, {published:dd.MM HH:mm}";
        var tail = $"{link}\n";

        // The post text takes what is left of the limit, measured after escaping (escaping only lengthens).
        var budget = TelegramHtml.MaxMessageLength - head.Length - tail.Length - "<blockquote></blockquote>".Length;
        var quote = Fit(message.PostText, Math.Min(maxTextLength, budget), budget);
        return $"{head}{tail}<blockquote>{quote}</blockquote>";
    }

    /// <summary>The recipient's buttons, or null for alerts that only inform (escalations, returns to the МЦУ).</summary>
    public static InlineKeyboardMarkup? Buttons(AlertMessage message)
    {
        if (!ActionableKinds.Contains(message.Kind))
        {
            return null;
        }

        var id = message.IncidentId.ToString(CultureInfo.InvariantCulture);
        return new InlineKeyboardMarkup(
        [
            [InlineKeyboardButton.WithCallbackData("Взял в работу", $"{TakeAction}:{id}"), InlineKeyboardButton.WithCallbackData("Ответ дан", $"{AnswerAction}:{id}")],
            [InlineKeyboardButton.WithCallbackData("Не наша компетенция", $"{RejectAction}:{id}"), InlineKeyboardButton.WithCallbackData("Неверная категория", $"{CategoryAction}:{id}")],
        ]);
    }

    /// <summary>An excerpt of at most <paramref name="length"/> characters whose escaped form fits <paramref name="budget"/>.</summary>
    private static string Fit(string text, int length, int budget)
    {
        for (var cut = Math.Max(1, length); ; cut = cut * 9 / 10)
        {
            var escaped = TelegramHtml.Escape(AlertText.Excerpt(text, cut));
            if (escaped.Length <= budget || cut <= 20)
            {
                return escaped.Length <= budget ? escaped : "…";
            }
        }
    }

    private static string RiskName(RiskLevel risk) => risk switch
    {
        RiskLevel.Critical => "критический",
        RiskLevel.High => "высокий",
        RiskLevel.Medium => "средний",
        _ => "низкий",
    };

    private static string NetworkName(Network network) => network switch
    {
        Network.Vk => "ВКонтакте",
        Network.Ok => "Одноклассники",
        Network.Telegram => "Telegram",
        _ => network.ToString(),
    };
}
