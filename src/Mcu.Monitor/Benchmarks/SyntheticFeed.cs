using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Mcu.Monitor.Benchmarks;

/// <summary>
/// Writes a deterministic synthetic JSONL feed of any size for benchmarks and the crash test: posts and
/// comments assembled from phrase templates across sectors and localities, so every stage does real work.
/// </summary>
public static class SyntheticFeed
{
    internal static readonly string[] Openers = ["Здравствуйте!", "Добрый день.", "Уважаемая администрация,", "", "Люди,", "Вопрос к властям:", "Опять", ""];

    private static readonly string[] Problems =
    [
        "третий день нет горячей воды в доме", "батареи еле тёплые, в квартире холодно", "управляющая компания не отвечает на звонки",
        "мусор не вывозят уже неделю, контейнеры переполнены", "на площадке свалка, региональный оператор молчит",
        "когда будет выплата многодетным семьям", "не можем получить путёвку в детский сад", "в школе опять холодно, дети мёрзнут",
        "яма на дороге огромная, машины бьют колёса", "не горят фонари, вечером идти страшно", "тротуар не чистят, гололёд",
        "автобус не пришёл по расписанию, люди стоят на остановке", "маршрутку отменили, как ехать на работу",
        "продам гараж недорого", "спасибо коммунальщикам за быструю работу", "кто видел рыжую собаку, потерялась вчера",
        "поздравляем всех с праздником", "отличная погода сегодня", "на рынке новые цены", "концерт в доме культуры в субботу",
    ];

    private static readonly string[] Places =
    [
        "в Иловке", "на ул. Слободской", "в Алексеевке", "с. Хлевище", "в Щербаково", "в Луценково", "на ул. Мостовой", "", "", "",
    ];

    internal static readonly string[] Closers = ["Сколько можно?", "Примите меры!", "Помогите разобраться.", "", "Безобразие!", "Будем писать в прокуратуру.", "", "😡😡"];

    /// <summary>Writes <paramref name="count"/> lines; about a third are comments under earlier posts.</summary>
    public static void Write(string path, int count, int seed = 42)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(3));
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false, SkipValidation = true });
        var newline = "\n"u8.ToArray();
        var lastPostId = 0;
        for (var i = 1; i <= count; i++)
        {
            var isComment = lastPostId > 0 && random.Next(3) == 0;
            var owner = "-" + (200000000 + random.Next(4)).ToString(CultureInfo.InvariantCulture);
            writer.Reset();
            writer.WriteStartObject();
            writer.WriteString("network", "vk");
            writer.WriteString("owner", owner);
            writer.WriteString("id", i.ToString(CultureInfo.InvariantCulture));
            writer.WriteString("kind", isComment ? "comment" : "post");
            if (isComment)
            {
                writer.WriteString("parent_id", lastPostId.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                lastPostId = i;
            }

            writer.WriteString("author", "id" + random.Next(1, 500000).ToString(CultureInfo.InvariantCulture));
            writer.WriteString("published_at", start.AddSeconds(i * 7).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
            writer.WriteString("text", Text(random));
            writer.WriteString("url", $"https://vk.com/wall{owner}_{i}");
            writer.WriteNumber("likes", random.Next(0, 50));
            writer.WriteNumber("comments", random.Next(0, 10));
            writer.WriteNumber("reposts", random.Next(0, 3));
            writer.WriteNumber("views", random.Next(0, 3000));
            writer.WriteEndObject();
            writer.Flush();
            stream.Write(newline);
        }
    }

    private static string Text(Random random)
    {
        var text = new StringBuilder();
        text.Append(Openers[random.Next(Openers.Length)]).Append(' ');
        text.Append(Problems[random.Next(Problems.Length)]).Append(' ');
        text.Append(Places[random.Next(Places.Length)]).Append(". ");
        if (random.Next(2) == 0)
        {
            text.Append(Problems[random.Next(Problems.Length)]).Append(". ");
        }

        text.Append(Closers[random.Next(Closers.Length)]);
        return text.ToString().Trim();
    }
}
