using System.Globalization;
using Mcu.Monitor.Storage;
using Microsoft.Data.Sqlite;

namespace Mcu.Monitor.Reports.Weekly;

/// <summary>
/// What the weekly note needs beyond <see cref="ReportMetrics"/>: residents' messages of a period with their risk level,
/// locality, text and link (for volume by sector per day, risk levels, localities, the main problems and emerging
/// risks), the localities of incidents, and the spike detector's rows when its table exists.
/// <para>
/// Residents' messages are counted as <see cref="ReportMetrics.Messages"/> counts them — official accounts
/// (<c>Sources:OfficialAccounts</c> and the pages of <c>Reports:RecipientPages</c>) are not residents — so the note's
/// volumes add up to its headline number.
/// </para>
/// </summary>
public sealed class WeeklyNoteData
{
    /// <summary>The columns the note shows for a spike.</summary>
    public static readonly IReadOnlyList<string> SpikeColumns = ["Отрасль", "Населённый пункт", "Начало (UTC)", "Сообщений в пике", "Обычно за окно"];

    private readonly SqliteDatabase _database;
    private readonly ReportMetrics _metrics;

    /// <summary>Reads the store; <paramref name="metrics"/> says which posts are the official accounts' own.</summary>
    public WeeklyNoteData(SqliteDatabase database, ReportMetrics metrics)
    {
        _database = database;
        _metrics = metrics;
    }

    /// <summary>Residents' posts and comments published in the period, oldest first.</summary>
    public IReadOnlyList<ResidentMessage> Messages(ReportPeriod period)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT p.key, p.network, p.kind, p.author_id, p.published_at, COALESCE(c.sector, 'other'), COALESCE(c.is_appeal, 0),
                   COALESCE(c.risk_level, 'Low'), COALESCE(c.risk_score, 0), p.locality_id, p.text, p.url
            FROM posts p LEFT JOIN classifications c ON c.post_key = p.key
            WHERE p.published_at >= $from AND p.published_at < $to
            ORDER BY p.published_at, p.key
            """;
        command.Parameters.AddWithValue("$from", SqliteDatabase.ToDb(period.From));
        command.Parameters.AddWithValue("$to", SqliteDatabase.ToDb(period.To));
        var messages = new List<ResidentMessage>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var key = reader.GetString(0);
            var network = reader.GetString(1);
            if (_metrics.IsOfficialPost(network, key, reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)))
            {
                continue;
            }

            messages.Add(new ResidentMessage(
                key, network, SqliteDatabase.FromDb(reader.GetString(4)), reader.GetString(5), reader.GetInt64(6) != 0,
                reader.GetString(7), reader.GetDouble(8), reader.IsDBNull(9) ? null : reader.GetString(9), reader.GetString(10),
                reader.IsDBNull(11) ? null : reader.GetString(11)));
        }

        return messages;
    }

    /// <summary>The locality of each incident asked for (absent when the incident has none).</summary>
    public IReadOnlyDictionary<long, string> IncidentLocalities(IEnumerable<long> ids)
    {
        var localities = new Dictionary<long, string>();
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT locality_id FROM incidents WHERE id = $id AND locality_id IS NOT NULL";
        var id = command.Parameters.Add("$id", SqliteType.Integer);
        foreach (var incident in ids.Distinct())
        {
            id.Value = incident;
            if (command.ExecuteScalar() is string locality)
            {
                localities[incident] = locality;
            }
        }

        return localities;
    }

    /// <summary>The information-risk spikes detected in the period (table <c>risk_spikes</c>), at most <paramref name="limit"/>.</summary>
    public RiskSpikeTable RiskSpikes(ReportPeriod period, int limit = 50)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT sector, COALESCE(locality_id, '—'), window_start, peak_count, printf('%.2f', baseline)
            FROM risk_spikes WHERE detected_at >= $from AND detected_at < $to ORDER BY detected_at, id LIMIT $limit
            """;
        command.Parameters.AddWithValue("$from", SqliteDatabase.ToDb(period.From));
        command.Parameters.AddWithValue("$to", SqliteDatabase.ToDb(period.To));
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var rows = new List<IReadOnlyList<string?>>();
        while (reader.Read())
        {
            rows.Add([reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3).ToString(CultureInfo.InvariantCulture), reader.GetString(4)]);
        }

        return new RiskSpikeTable(SpikeColumns, rows, "detected_at");
    }
}
