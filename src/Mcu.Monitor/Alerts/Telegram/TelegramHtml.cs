using System.Text;

namespace Mcu.Monitor.Alerts.Telegram;

/// <summary>Telegram's HTML parse mode: only &lt;, &gt;, &amp; (and &quot; inside attributes) need escaping.</summary>
public static class TelegramHtml
{
    /// <summary>Telegram's limit of a message's text after entity parsing, in UTF-16 code units.</summary>
    public const int MaxMessageLength = 4096;

    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' => "&quot;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
