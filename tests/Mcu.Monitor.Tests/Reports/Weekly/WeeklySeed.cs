using Mcu.Monitor.Incidents;
using Mcu.Monitor.Reports;
using Mcu.Monitor.Reports.Weekly;
using Mcu.Monitor.Storage;
using Mcu.Monitor.Tests.TestSupport;

namespace Mcu.Monitor.Tests.Reports.Weekly;

/// <summary>
/// The reports' seeded week 2026-W48 (<see cref="ReportSeed.Week48"/>, reckoned Tuesday 1 December 12:00 MSK) plus
/// residents' posts with localities and risk levels in W48 and the week before, for the weekly note. The numbers the
/// tests expect are worked out here.
/// </summary>
public sealed class WeeklySeed : IDisposable
{
    public const string ScriptText = "Нет воды на Советской третий день <script>alert('x')</script> & никто не отвечает";

    public WeeklySeed()
    {
        Reports = ReportSeed.Week48();
        var msk = ReportSeed.Msk;

        // W48 (Mon 23 – Sun 29 November). ReportSeed gives 17 residents' messages, 11 of them appeals, all risk Low, no locality:
        // zhkh Mon #1, Tue #3, Wed #4, Fri #2 (ok), Sun #5; roads Tue #6, Wed #7; education, social, tko ×2 on Mon; other: the thank-you
        // under #1 (Mon 17:00) and the four comments on the roads page (Mon ×2, Thu, Sat); transport on Tue (Telegram).
        Post("vk:-2:w1", msk(11, 23, 10), "zhkh", appeal: true, "High", 0.6, "ilovka", ScriptText);
        Post("vk:-2:w2", msk(11, 24, 11), "zhkh", appeal: true, "Medium", 0.3, "ilovka", "Опять отключили воду в Иловке");
        Post("vk:-2:w3", msk(11, 25, 12), "zhkh", appeal: true, "Low", 0.1, "ilovka", LongText);
        Post("vk:-2:w4", msk(11, 26, 9), "roads", appeal: true, "Critical", 0.9, "alekseevka", "Открытый люк у школы");
        Post("vk:-2:w5", msk(11, 29, 23, 30), "roads", appeal: false, "Medium", 0.3, "alekseevka", "Ямы на Победы, ужас");

        // W47 (Mon 16 – Sun 22): ReportSeed's incident #12 (Fri 20, zhkh appeal, Low); the roads page's own post is not a resident's.
        Post("vk:-2:p1", msk(11, 17, 10), "zhkh", appeal: true, "Low", 0.1, "ilovka", "Вода ржавая");
        Post("vk:-2:p2", msk(11, 18, 10), "roads", appeal: true, "Medium", 0.3, "alekseevka", "Снег не убирают");
        Post("vk:-2:p3", msk(11, 19, 10), "roads", appeal: false, "High", 0.6, "alekseevka", "Безобразие с дорогами");

        using var connection = Reports.Store.Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE incidents SET locality_id = 'ilovka' WHERE id = 3";
        command.ExecuteNonQuery();
    }

    /// <summary>300 characters of words.</summary>
    public static string LongText { get; } = string.Join(' ', Enumerable.Repeat("слово", 50));

    public ReportSeed Reports { get; }

    public static ReportPeriod Week48 { get; } = ReportPeriod.Week(2026, 48, ReportSeed.Moscow);

    public WeeklyNoteNames Names { get; } = WeeklyNoteNames.From(TestConfiguration.Classification(), TestConfiguration.Territory(), TestConfiguration.Routing());

    public WeeklyNoteData Data => new(Reports.Store.Database, Reports.Metrics);

    public RecipientRating Rating => new(Reports.Metrics, new DeadlineOptions());

    public WeeklyNoteBuilder Builder => new(Reports.Metrics, Rating, Data, Names, "Алексеевский городской округ", ReportSeed.Moscow);

    public WeeklyNoteWriter Writer => new(Builder);

    public SqliteDatabase Database => Reports.Store.Database;

    public void Execute(string sql)
    {
        using var connection = Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() => Reports.Dispose();

    private void Post(string key, DateTimeOffset published, string sector, bool appeal, string risk, double score, string locality, string text)
    {
        using var connection = Reports.Store.Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO posts (key, municipality, network, source_id, kind, author_id, published_at, text, url, content_hash, locality_id, stored_at)
            VALUES ($key, 'test-mun', 'vk', 'test', 'post', 'id77', $published, $text, $url, $key, $locality, $published);
            INSERT INTO classifications (post_key, municipality, sector, is_appeal, risk_level, risk_score, reasons, model_version, classified_at)
            VALUES ($key, 'test-mun', $sector, $appeal, $risk, $score, '[]', 'test', $published);
            """;
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$published", SqliteDatabase.ToDb(published));
        command.Parameters.AddWithValue("$text", text);
        command.Parameters.AddWithValue("$url", "https://vk.com/wall-2_" + key.Split(':')[2]);
        command.Parameters.AddWithValue("$locality", locality);
        command.Parameters.AddWithValue("$sector", sector);
        command.Parameters.AddWithValue("$appeal", appeal ? 1 : 0);
        command.Parameters.AddWithValue("$risk", risk);
        command.Parameters.AddWithValue("$score", score);
        command.ExecuteNonQuery();
    }
}
