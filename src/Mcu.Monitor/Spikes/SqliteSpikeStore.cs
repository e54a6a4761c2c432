using System.Text.Json;
using Mcu.Monitor.Classification;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Localities;
using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Routing;
using Mcu.Monitor.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Spikes;

/// <summary>
/// Spikes in SQLite: the counts of negative posts per pair and step (one GROUP BY over the baseline), the pairs'
/// latest bursts, the <c>risk_spikes</c> rows (each its own outbox entry) and their per-chat deliveries.
/// </summary>
public sealed class SqliteSpikeStore(
    SqliteDatabase database,
    IOptions<MunicipalityOptions> municipality,
    IOptions<RoutingOptions> routing,
    IOptions<ClassificationOptions> classification,
    IOptions<TerritoryOptions> territory)
{
    /// <summary>Posts stored with a spike (the alert quotes the first <see cref="SpikeAlertText.PostsShown"/>).</summary>
    public const int MaxStoredPosts = 10;

    private string Municipality => municipality.Value.Id;

    /// <summary>
    /// Negative posts per pair and step, published in [<paramref name="from"/>, <paramref name="to"/>), with bucket 0
    /// starting at <paramref name="from"/>. Pairs with no such post are left out (they cannot burst).
    /// </summary>
    public IReadOnlyList<SpikeSeries> LoadSeries(DateTimeOffset from, DateTimeOffset to, TimeSpan step, IReadOnlyList<RiskLevel> risks)
    {
        var buckets = (int)((to - from).Ticks / step.Ticks);
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT c.sector, p.locality_id, (CAST(strftime('%s', p.published_at) AS INTEGER) - $origin) / $step AS bucket, COUNT(*)
            FROM posts p JOIN classifications c ON c.post_key = p.key
            WHERE p.municipality = $municipality AND p.published_at >= $from AND p.published_at < $to AND c.risk_level IN ({RiskList(command, risks)})
            GROUP BY c.sector, p.locality_id, bucket
            """;
        command.Parameters.AddWithValue("$origin", from.ToUnixTimeSeconds());
        command.Parameters.AddWithValue("$step", (long)step.TotalSeconds);
        command.Parameters.AddWithValue("$municipality", Municipality);
        command.Parameters.AddWithValue("$from", SqliteDatabase.ToDb(from));
        command.Parameters.AddWithValue("$to", SqliteDatabase.ToDb(to));
        var series = new Dictionary<SpikePair, int[]>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var pair = new SpikePair(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
            var bucket = reader.GetInt64(2);
            if (bucket < 0 || bucket >= buckets)
            {
                continue;
            }

            if (!series.TryGetValue(pair, out var counts))
            {
                series[pair] = counts = new int[buckets];
            }

            counts[bucket] += reader.GetInt32(3);
        }

        return [.. series.Select(s => new SpikeSeries(s.Key, from, s.Value))];
    }

    /// <summary>Each pair's latest burst whose last elevated window ended at or after <paramref name="since"/>.</summary>
    public IReadOnlyDictionary<SpikePair, SpikeBurstState> LoadRecentBursts(DateTimeOffset since)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT sector, locality_id, idempotency_key, window_start, last_window_end FROM risk_spikes
            WHERE municipality = $municipality AND last_window_end >= $since
            ORDER BY last_window_end, id
            """;
        command.Parameters.AddWithValue("$municipality", Municipality);
        command.Parameters.AddWithValue("$since", SqliteDatabase.ToDb(since));
        using var reader = command.ExecuteReader();
        var result = new Dictionary<SpikePair, SpikeBurstState>();
        while (reader.Read())
        {
            var pair = new SpikePair(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
            result[pair] = new SpikeBurstState(pair, reader.GetString(2), SqliteDatabase.FromDb(reader.GetString(3)), SqliteDatabase.FromDb(reader.GetString(4)));
        }

        return result;
    }

    /// <summary>
    /// Stores the new bursts (with the posts behind each, for <paramref name="recipient"/>) and extends the known ones,
    /// in one transaction; a burst already stored (its key) is left alone. Returns the bursts that were new.
    /// </summary>
    public IReadOnlyList<SpikeBurst> Save(SpikeDetection detection, string recipient, IReadOnlyList<RiskLevel> risks, DateTimeOffset now)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var stored = new List<SpikeBurst>();
        foreach (var burst in detection.NewBursts)
        {
            // The alert quotes the fullest window seen so far (the first one names the burst): it and its posts.
            var peak = detection.Continued.Where(c => c.IdempotencyKey == burst.IdempotencyKey).Select(c => c.Window)
                .Aggregate(burst.Window, (best, w) => w.Count >= best.Count ? w : best);
            var keys = PostsBehind(connection, transaction, burst.Pair, peak, risks);
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO risk_spikes (idempotency_key, municipality, sector, locality_id, window_start, window_end, count, baseline,
                    threshold, p_value, post_keys, detected_at, last_window_end, peak_count, peak_window_end, recipient_id, next_attempt_at)
                VALUES ($key, $municipality, $sector, $locality, $start, $end, $count, $baseline,
                    $threshold, $p, $posts, $now, $peakEnd, $peak, $peakEnd, $recipient, $now)
                ON CONFLICT (idempotency_key) DO NOTHING
                """;
            insert.Parameters.AddWithValue("$key", burst.IdempotencyKey);
            insert.Parameters.AddWithValue("$municipality", Municipality);
            insert.Parameters.AddWithValue("$sector", burst.Pair.Sector);
            insert.Parameters.AddWithValue("$locality", (object?)burst.Pair.LocalityId ?? DBNull.Value);
            insert.Parameters.AddWithValue("$start", SqliteDatabase.ToDb(burst.Window.Start));
            insert.Parameters.AddWithValue("$end", SqliteDatabase.ToDb(burst.Window.End));
            insert.Parameters.AddWithValue("$count", burst.Window.Count);
            insert.Parameters.AddWithValue("$baseline", burst.Window.Baseline);
            insert.Parameters.AddWithValue("$threshold", burst.Window.Threshold);
            insert.Parameters.AddWithValue("$p", burst.Window.PValue);
            insert.Parameters.AddWithValue("$posts", JsonSerializer.Serialize(keys));
            insert.Parameters.AddWithValue("$now", SqliteDatabase.ToDb(now));
            insert.Parameters.AddWithValue("$recipient", recipient);
            insert.Parameters.AddWithValue("$peak", peak.Count);
            insert.Parameters.AddWithValue("$peakEnd", SqliteDatabase.ToDb(peak.End));
            if (insert.ExecuteNonQuery() == 1)
            {
                stored.Add(burst);
            }
        }

        foreach (var continuation in detection.Continued)
        {
            using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = """
                UPDATE risk_spikes SET last_window_end = MAX(last_window_end, $end), peak_count = MAX(peak_count, $count),
                    peak_window_end = CASE WHEN $count > peak_count THEN $end ELSE peak_window_end END
                WHERE idempotency_key = $key
                """;
            update.Parameters.AddWithValue("$end", SqliteDatabase.ToDb(continuation.Window.End));
            update.Parameters.AddWithValue("$count", continuation.Window.Count);
            update.Parameters.AddWithValue("$key", continuation.IdempotencyKey);
            update.ExecuteNonQuery();
        }

        transaction.Commit();
        return stored;
    }

    /// <summary>Spikes not yet delivered whose next attempt is due and that no one else is sending.</summary>
    public IReadOnlyList<SpikeAlert> LoadDue(DateTimeOffset now, int limit)
    {
        var recipients = routing.Value.Recipients.ToDictionary(r => r.Id, r => r.Name, StringComparer.Ordinal);
        var localities = territory.Value.Localities.ToDictionary(l => l.Id, l => l.Name, StringComparer.Ordinal);
        var sectors = classification.Value.Lexicon.Sectors;
        using var connection = database.Open();
        var rows = new List<(SpikeAlert Alert, List<string> Keys)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT id, idempotency_key, recipient_id, sector, locality_id, window_start, window_end, peak_count, baseline, threshold, post_keys, peak_window_end
                FROM risk_spikes
                WHERE sent_at IS NULL AND next_attempt_at <= $now AND (claimed_until IS NULL OR claimed_until < $now)
                ORDER BY id LIMIT $limit
                """;
            command.Parameters.AddWithValue("$now", SqliteDatabase.ToDb(now));
            command.Parameters.AddWithValue("$limit", limit);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var recipient = reader.GetString(2);
                var sector = reader.GetString(3);
                var locality = reader.IsDBNull(4) ? null : reader.GetString(4);
                rows.Add((new SpikeAlert
                {
                    SpikeId = reader.GetInt64(0),
                    IdempotencyKey = reader.GetString(1),
                    RecipientId = recipient,
                    RecipientName = recipients.GetValueOrDefault(recipient, recipient),
                    Sector = sector,
                    SectorName = sectors.TryGetValue(sector, out var s) && s.Name.Length > 0 ? s.Name : sector,
                    LocalityName = locality is null ? null : localities.GetValueOrDefault(locality, locality),
                    // The fullest window: as long as the first, ending at the peak.
                    WindowStart = SqliteDatabase.FromDb(reader.GetString(11)) - (SqliteDatabase.FromDb(reader.GetString(6)) - SqliteDatabase.FromDb(reader.GetString(5))),
                    WindowEnd = SqliteDatabase.FromDb(reader.GetString(11)),
                    Count = reader.GetInt32(7),
                    Baseline = reader.GetDouble(8),
                    Threshold = reader.GetInt32(9),
                    Posts = [],
                }, JsonSerializer.Deserialize<List<string>>(reader.GetString(10)) ?? []));
            }
        }

        return [.. rows.Select(r => r.Alert with { Posts = LoadPosts(connection, r.Keys) })];
    }

    /// <summary>Takes the spike for one delivery attempt until <paramref name="until"/>; false when another sender holds it or it was sent.</summary>
    public bool TryClaim(long spikeId, DateTimeOffset now, DateTimeOffset until) => Execute(
        "UPDATE risk_spikes SET claimed_until = $until WHERE id = $id AND sent_at IS NULL AND (claimed_until IS NULL OR claimed_until < $now)",
        ("$until", SqliteDatabase.ToDb(until)), ("$now", SqliteDatabase.ToDb(now)), ("$id", spikeId)) == 1;

    /// <summary>Records the delivery; false if it was recorded already.</summary>
    public bool MarkSent(long spikeId, string channel, string? deliveryId, DateTimeOffset now) =>
        OutboxRows.MarkSent(database, "risk_spikes", spikeId, channel, deliveryId, now);

    /// <summary>Counts a failed attempt and schedules the next one; returns the attempts made so far.</summary>
    public int MarkFailed(long spikeId, string error, Func<int, DateTimeOffset> nextAttemptAfter) =>
        OutboxRows.MarkFailed(database, "risk_spikes", spikeId, error, nextAttemptAfter);

    /// <summary>Chats (or other targets) that already received the spike, with the channel's message id.</summary>
    public IReadOnlyDictionary<string, string?> Delivered(long spikeId)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT target, message_id FROM risk_spike_deliveries WHERE spike_id = $id ORDER BY sent_at, target";
        command.Parameters.AddWithValue("$id", spikeId);
        using var reader = command.ExecuteReader();
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        while (reader.Read())
        {
            result[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
        }

        return result;
    }

    /// <summary>Records one target's delivery right after its send, so a retry skips it.</summary>
    public void RecordDelivery(long spikeId, string target, string? messageId, DateTimeOffset now) => Execute(
        "INSERT INTO risk_spike_deliveries (spike_id, target, message_id, sent_at) VALUES ($id, $target, $message, $now) ON CONFLICT DO NOTHING",
        ("$id", spikeId), ("$target", target), ("$message", messageId), ("$now", SqliteDatabase.ToDb(now)));

    public int CountPending() => (int)(long)Scalar("SELECT COUNT(*) FROM risk_spikes WHERE sent_at IS NULL")!;

    private List<string> PostsBehind(SqliteConnection connection, SqliteTransaction transaction, SpikePair pair, SpikeWindow window, IReadOnlyList<RiskLevel> risks)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            SELECT p.key FROM posts p JOIN classifications c ON c.post_key = p.key
            WHERE p.municipality = $municipality AND p.published_at >= $start AND p.published_at < $end
              AND c.sector = $sector AND p.locality_id IS $locality AND c.risk_level IN ({RiskList(command, risks)})
            ORDER BY c.risk_score DESC, p.published_at, p.key
            LIMIT {MaxStoredPosts}
            """;
        command.Parameters.AddWithValue("$municipality", Municipality);
        command.Parameters.AddWithValue("$start", SqliteDatabase.ToDb(window.Start));
        command.Parameters.AddWithValue("$end", SqliteDatabase.ToDb(window.End));
        command.Parameters.AddWithValue("$sector", pair.Sector);
        command.Parameters.AddWithValue("$locality", (object?)pair.LocalityId ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var keys = new List<string>();
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    private static List<SpikePost> LoadPosts(SqliteConnection connection, List<string> keys)
    {
        var posts = new List<SpikePost>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT network, url, published_at, text FROM posts WHERE key = $key";
        var key = command.Parameters.Add("$key", SqliteType.Text);
        foreach (var postKey in keys)
        {
            key.Value = postKey;
            using var reader = command.ExecuteReader();
            if (reader.Read())
            {
                posts.Add(new SpikePost(
                    postKey,
                    NetworkNames.TryParse(reader.GetString(0), out var network) ? network : Network.Vk,
                    reader.IsDBNull(1) ? null : reader.GetString(1),
                    SqliteDatabase.FromDb(reader.GetString(2)),
                    reader.GetString(3)));
            }
        }

        return posts;
    }

    private static string RiskList(SqliteCommand command, IReadOnlyList<RiskLevel> risks)
    {
        var names = new List<string>();
        for (var i = 0; i < risks.Count; i++)
        {
            names.Add($"$risk{i}");
            command.Parameters.AddWithValue($"$risk{i}", risks[i].ToString());
        }

        return names.Count == 0 ? "NULL" : string.Join(", ", names);
    }

    private int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
