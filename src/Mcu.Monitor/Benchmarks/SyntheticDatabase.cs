using System.Globalization;
using System.Text;
using System.Text.Json;
using Mcu.Monitor.Storage;
using Microsoft.Data.Sqlite;

namespace Mcu.Monitor.Benchmarks;

/// <summary>
/// Fills an empty SQLite database, through the real schema, with a deterministic history of classified posts,
/// incidents and their posts, for measuring the reading side (the operator console's feed, <c>bench console</c>) on a
/// million posts with a known mix, without classifying them. Rows go in by batched prepared inserts, one transaction
/// per <see cref="BatchSize"/> posts; the schema's triggers keep the full-text index, as in production.
/// </summary>
/// <remarks>
/// The mix imitates two years of a district's social networks: 7 sectors (two in five posts are
/// <c>other</c>), mostly <c>Low</c> risk, about 30% appeals, VK ahead of Telegram and OK, 20 localities with the
/// district centre ahead and a quarter of posts without one, a third of items comments under earlier posts, texts
/// of about 200 characters, published evenly over two years. Every appeal belongs to an incident: most open their
/// own, some join the sector's latest one. Nothing is queued for Elasticsearch.
/// </remarks>
public static class SyntheticDatabase
{
    /// <summary>Posts per transaction: large enough to amortise the commit, small enough to keep the WAL modest.</summary>
    public const int BatchSize = 20_000;

    /// <summary>The default end of the publication span (the newest post is a little before it).</summary>
    public static readonly DateTimeOffset DefaultEnd = new(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How far back the posts go.</summary>
    public static readonly TimeSpan Span = TimeSpan.FromDays(730);

    /// <summary>Sector ids with their share of posts in percent.</summary>
    public static readonly IReadOnlyList<(string Id, int Percent)> Sectors =
        [("other", 40), ("zhkh", 18), ("roads", 12), ("tko", 9), ("transport", 8), ("social", 7), ("education", 6)];

    /// <summary>Locality ids of the bundled territory, the district centre first (it gets the most posts).</summary>
    public static readonly IReadOnlyList<(string Id, string Name)> Localities =
    [
        ("alekseevka", "г. Алексеевка"), ("ilovka", "с. Иловка"), ("khlevishche", "с. Хлевище"), ("shcherbakovo", "с. Щербаково"),
        ("lutsenkovo", "с. Луценково"), ("afanasyevka", "с. Афанасьевка"), ("batratskaya-dacha", "с. Батрацкая Дача"),
        ("varvarovka", "с. Варваровка"), ("garbuzovo", "с. Гарбузово"), ("glukhovka", "с. Глуховка"), ("zhukovo", "с. Жуково"),
        ("ivashchenkovo", "с. Иващенково"), ("ilyinka", "с. Ильинка"), ("koltunovka", "с. Колтуновка"), ("krasnoe", "с. Красное"),
        ("matreno-gezovo", "с. Матрено-Гезово"), ("mukhouderovka", "с. Мухоудеровка"), ("nadezhdovka", "с. Надеждовка"),
        ("podserednee", "с. Подсереднее"), ("repenka", "с. Репенка"),
    ];

    private static readonly Dictionary<string, string[]> Phrases = new(StringComparer.Ordinal)
    {
        ["zhkh"] =
        [
            "третий день нет горячей воды в доме", "батареи еле тёплые, в квартире холодно", "управляющая компания не отвечает на звонки",
            "в подъезде течёт крыша после каждого дождя", "из крана идёт ржавая вода, пить невозможно", "опять отключили свет без предупреждения",
            "в подвале стоит вода и пахнет канализацией", "счёт за отопление вырос, а в доме холодно",
        ],
        ["tko"] =
        [
            "мусор не вывозят уже неделю, контейнеры переполнены", "на площадке свалка, региональный оператор молчит",
            "контейнерную площадку так и не оборудовали", "мусоровоз приезжает раз в две недели", "вокруг баков бегают собаки и разносят мусор",
        ],
        ["roads"] =
        [
            "яма на дороге огромная, машины бьют колёса", "не горят фонари, вечером идти страшно", "тротуар не чистят, гололёд",
            "после ремонта дорога опять развалилась", "на перекрёстке не работает светофор", "обочину размыло, машины вязнут",
        ],
        ["transport"] =
        [
            "автобус не пришёл по расписанию, люди стоят на остановке", "маршрутку отменили, как ехать на работу",
            "водитель автобуса проехал остановку не останавливаясь", "в автобусе холодно и грязно", "расписание автобусов на остановке устарело",
        ],
        ["social"] =
        [
            "когда будет выплата многодетным семьям", "пенсионерке не оформляют субсидию", "в соцзащите очередь с утра, окно одно",
            "не можем дозвониться в соцзащиту", "инвалиду не выдают коляску уже полгода",
        ],
        ["education"] =
        [
            "не можем получить путёвку в детский сад", "в школе опять холодно, дети мёрзнут", "в садике не хватает воспитателей",
            "школьный автобус не ходит, дети идут пешком", "в столовой школы кормят плохо",
        ],
        ["other"] =
        [
            "продам гараж недорого", "спасибо коммунальщикам за быструю работу", "кто видел рыжую собаку, потерялась вчера",
            "поздравляем всех с праздником", "отличная погода сегодня", "на рынке новые цены", "концерт в доме культуры в субботу",
            "ищу попутчиков до Белгорода в пятницу", "в парке открыли новую площадку для детей", "отдам котят в добрые руки",
        ],
    };

    private static readonly string[] FirstNames = ["Ирина", "Сергей", "Наталья", "Александр", "Елена", "Андрей", "Ольга", "Дмитрий", "Татьяна", "Николай"];

    private static readonly string[] LastNames = ["Иванова", "Петров", "Смирнова", "Кузнецов", "Попова", "Соколов", "Лебедева", "Козлов", "Новикова", "Морозов"];

    private static readonly string[] RiskLevels = ["Low", "Medium", "High", "Critical"];

    // cumulative per mille: appeals are riskier than the rest, and both are mostly Low
    private static readonly int[] AppealRisk = [650, 870, 970, 1000];
    private static readonly int[] OtherRisk = [880, 970, 995, 1000];

    private static readonly Dictionary<string, string> RecipientOfSector = new(StringComparer.Ordinal)
    {
        ["zhkh"] = "zhkh", ["tko"] = "tko-operator", ["roads"] = "roads", ["transport"] = "mcu", ["social"] = "social",
        ["education"] = "education", ["other"] = "mcu",
    };

    /// <summary>
    /// Writes <paramref name="posts"/> posts (with their classifications, incidents and incident posts) into
    /// <paramref name="database"/>, which is created and migrated if needed and must hold no posts yet.
    /// The same <paramref name="seed"/> and <paramref name="end"/> give the same rows.
    /// </summary>
    public static SyntheticDatabaseSummary Fill(SqliteDatabase database, int posts, int seed = 42, DateTimeOffset? end = null, string municipality = "alekseevsky-go")
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(posts);
        if (CountPosts(database) > 0)
        {
            throw new InvalidOperationException($"{database.FilePath} already holds posts; the synthetic history goes into an empty database only");
        }

        var last = end ?? DefaultEnd;
        var first = last - Span;
        var random = new Random(seed);
        var writer = new Writer(municipality, last);
        using var connection = database.Open();
        // the feed's indexes take each post at a different place; with SQLite's default 2 MB page cache every insert
        // would read their pages back from the file. The connection is pooled, so the default comes back at the end.
        Pragma(connection, "PRAGMA cache_size = -262144;");
        try
        {
            Write(connection, writer, random, posts, first, last);
        }
        finally
        {
            Pragma(connection, "PRAGMA cache_size = -2000;");
        }

        // fold the WAL into the main file so the first reads measure the database, not a long WAL
        Pragma(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        return new SyntheticDatabaseSummary(posts, writer.Incidents, writer.IncidentPosts, first, last);
    }

    private static void Write(SqliteConnection connection, Writer writer, Random random, int posts, DateTimeOffset first, DateTimeOffset last)
    {
        var written = 0;
        while (written < posts)
        {
            using var transaction = connection.BeginTransaction();
            using var commands = new Commands(connection, transaction);
            var upTo = Math.Min(posts, written + BatchSize);
            for (var i = written; i < upTo; i++)
            {
                // evenly over the span in item order, with a few hours of jitter: imports arrive roughly by time
                var at = first + (Span * ((i + 0.5) / posts)) + TimeSpan.FromMinutes(random.Next(-360, 360));
                writer.Write(commands, random, i + 1, at > last ? last : at);
            }

            transaction.Commit();
            written = upTo;
        }
    }

    private static void Pragma(SqliteConnection connection, string pragma)
    {
        using var command = connection.CreateCommand();
        command.CommandText = pragma;
        command.ExecuteNonQuery();
    }

    /// <summary>How many posts the database holds (0 for a new file).</summary>
    public static long CountPosts(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM posts";
        return (long)command.ExecuteScalar()!;
    }

    private static string Pick(Random random, IReadOnlyList<(string Id, int Percent)> weighted)
    {
        var roll = random.Next(100);
        foreach (var (id, percent) in weighted)
        {
            if (roll < percent)
            {
                return id;
            }

            roll -= percent;
        }

        return weighted[^1].Id;
    }

    private static int Level(Random random, int[] cumulative)
    {
        var roll = random.Next(1000);
        var level = 0;
        while (roll >= cumulative[level])
        {
            level++;
        }

        return level;
    }

    /// <summary>Generates one post after another and remembers what later rows refer to (parents, open incidents).</summary>
    private sealed class Writer(string municipality, DateTimeOffset end)
    {
        private readonly Dictionary<string, string> _lastPostOfNetwork = new(StringComparer.Ordinal);
        private readonly Dictionary<string, long> _lastIncidentOfSector = new(StringComparer.Ordinal);
        private long _nextIncidentId = 1;

        public int Incidents { get; private set; }

        public int IncidentPosts { get; private set; }

        public void Write(Commands commands, Random random, int item, DateTimeOffset publishedAt)
        {
            var networkRoll = random.Next(100);
            var (network, owner, source) = networkRoll < 60
                ? ("vk", "-" + (200000001 + random.Next(5)).ToString(CultureInfo.InvariantCulture), "vk:walls")
                : networkRoll < 85 ? ("telegram", "alekseevka_" + random.Next(3).ToString(CultureInfo.InvariantCulture), "telegram:channels")
                : ("ok", (54000000001 + random.Next(3)).ToString(CultureInfo.InvariantCulture), "ok:groups");
            var key = $"{network}:{owner}:{item}";
            var parent = random.Next(3) == 0 ? _lastPostOfNetwork.GetValueOrDefault(network) : null;
            if (parent is null)
            {
                _lastPostOfNetwork[network] = key;
            }

            var sector = Pick(random, Sectors);
            var appeal = random.Next(100) < (sector == "other" ? 5 : 47);
            var level = Level(random, appeal ? AppealRisk : OtherRisk);
            var risk = RiskLevels[level];
            var score = Math.Round((level + random.NextDouble()) / 4, 3);
            var localityRoll = random.Next(100);
            (string Id, string Name)? locality = localityRoll < 25 ? null
                : localityRoll < 55 ? Localities[0]
                : Localities[1 + random.Next(Localities.Count - 1)];
            var text = Text(random, sector, locality?.Name);
            var published = SqliteDatabase.ToDb(publishedAt);
            var author = $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}";

            var post = commands.Post;
            post.Parameters["$key"].Value = key;
            post.Parameters["$municipality"].Value = municipality;
            post.Parameters["$network"].Value = network;
            post.Parameters["$source"].Value = source;
            post.Parameters["$kind"].Value = parent is null ? "post" : "comment";
            post.Parameters["$parent"].Value = (object?)parent ?? DBNull.Value;
            post.Parameters["$authorId"].Value = "id" + random.Next(1, 400_000).ToString(CultureInfo.InvariantCulture);
            post.Parameters["$authorName"].Value = author;
            post.Parameters["$published"].Value = published;
            post.Parameters["$text"].Value = text;
            post.Parameters["$url"].Value = Url(network, owner, item);
            post.Parameters["$likes"].Value = random.Next(0, 60);
            post.Parameters["$comments"].Value = random.Next(0, 12);
            post.Parameters["$reposts"].Value = random.Next(0, 4);
            post.Parameters["$views"].Value = random.Next(0, 4000);
            post.Parameters["$hash"].Value = item.ToString("x16", CultureInfo.InvariantCulture);
            post.Parameters["$locality"].Value = (object?)locality?.Id ?? DBNull.Value;
            post.Parameters["$localityMatch"].Value = (object?)locality?.Name ?? DBNull.Value;
            post.Parameters["$stored"].Value = published;
            // the feed's copies go in with the row, so the classification's trigger finds them equal and leaves the row be
            post.Parameters["$sector"].Value = sector;
            post.Parameters["$risk"].Value = risk;
            post.Parameters["$appeal"].Value = appeal ? 1 : 0;
            post.ExecuteNonQuery();

            var classification = commands.Classification;
            classification.Parameters["$key"].Value = key;
            classification.Parameters["$municipality"].Value = municipality;
            classification.Parameters["$sector"].Value = sector;
            classification.Parameters["$appeal"].Value = appeal ? 1 : 0;
            classification.Parameters["$risk"].Value = risk;
            classification.Parameters["$score"].Value = score;
            classification.Parameters["$reasons"].Value = Reasons(sector, appeal, risk, score);
            classification.Parameters["$classified"].Value = published;
            classification.ExecuteNonQuery();

            if (appeal)
            {
                WriteIncident(commands, random, key, sector, locality?.Id, level, publishedAt);
            }
        }

        private void WriteIncident(Commands commands, Random random, string key, string sector, string? locality, int level, DateTimeOffset openedAt)
        {
            var opened = SqliteDatabase.ToDb(openedAt);

            // one appeal in five repeats the sector's latest problem and joins its incident instead of opening one
            if (random.Next(5) == 0 && _lastIncidentOfSector.TryGetValue(sector, out var existing))
            {
                AddPost(commands, existing, key, opened);
                return;
            }

            var id = _nextIncidentId++;
            var age = end - openedAt;
            var status = age > TimeSpan.FromDays(14) ? "Closed" : age > TimeSpan.FromDays(3) ? "Answered" : age > TimeSpan.FromDays(1) ? "InProgress" : "New";
            var priority = level >= 3 ? "Critical" : level == 2 ? "High" : "Normal";
            var incident = commands.Incident;
            incident.Parameters["$id"].Value = id;
            incident.Parameters["$municipality"].Value = municipality;
            incident.Parameters["$key"].Value = key;
            incident.Parameters["$sector"].Value = sector;
            incident.Parameters["$locality"].Value = (object?)locality ?? DBNull.Value;
            incident.Parameters["$recipient"].Value = RecipientOfSector[sector];
            incident.Parameters["$priority"].Value = priority;
            incident.Parameters["$risk"].Value = RiskLevels[level];
            incident.Parameters["$status"].Value = status;
            incident.Parameters["$opened"].Value = opened;
            incident.Parameters["$due"].Value = SqliteDatabase.ToDb(openedAt.AddDays(1));
            incident.Parameters["$answerDue"].Value = SqliteDatabase.ToDb(openedAt.AddDays(3));
            incident.Parameters["$answered"].Value = status is "Closed" or "Answered" ? SqliteDatabase.ToDb(openedAt.AddDays(2)) : DBNull.Value;
            incident.Parameters["$closed"].Value = status == "Closed" ? SqliteDatabase.ToDb(openedAt.AddDays(5)) : DBNull.Value;
            incident.Parameters["$reason"].Value = $"сектор {sector} → {RecipientOfSector[sector]}";
            incident.ExecuteNonQuery();
            Incidents++;
            _lastIncidentOfSector[sector] = id;
            AddPost(commands, id, key, opened);
        }

        private void AddPost(Commands commands, long incident, string key, string added)
        {
            var link = commands.IncidentPost;
            link.Parameters["$incident"].Value = incident;
            link.Parameters["$municipality"].Value = municipality;
            link.Parameters["$key"].Value = key;
            link.Parameters["$added"].Value = added;
            link.ExecuteNonQuery();
            IncidentPosts++;
        }

        private static string Text(Random random, string sector, string? place)
        {
            var phrases = Phrases[sector];
            var text = new StringBuilder(256);
            text.Append(SyntheticFeed.Openers[random.Next(SyntheticFeed.Openers.Length)]).Append(' ');
            if (place is not null)
            {
                text.Append(place).Append(": ");
            }

            // about 200 characters: phrases of the post's sector, now and then an everyday one in between
            while (text.Length < 170)
            {
                var pool = random.Next(6) == 0 ? Phrases["other"] : phrases;
                text.Append(pool[random.Next(pool.Length)]).Append(". ");
            }

            text.Append(SyntheticFeed.Closers[random.Next(SyntheticFeed.Closers.Length)]);
            return text.ToString().Trim();
        }

        private static string Url(string network, string owner, int item) => network switch
        {
            "vk" => $"https://vk.com/wall{owner}_{item}",
            "ok" => $"https://ok.ru/group/{owner}/topic/{item}",
            _ => $"https://t.me/{owner}/{item}",
        };

        private static string Reasons(string sector, bool appeal, string risk, double score)
        {
            string[] reasons =
            [
                sector == "other" ? "сектор other: отраслевых терминов не найдено" : $"сектор {sector}: термины отрасли",
                appeal ? "обращение: проблема и призыв к действию" : "не обращение: нет проблемы или призыва",
                string.Create(CultureInfo.InvariantCulture, $"риск {risk} ({score:0.00}): негативная тональность"),
            ];
            return JsonSerializer.Serialize(reasons, SqlitePostStore.Json);
        }
    }

    /// <summary>The prepared inserts of one transaction.</summary>
    private sealed class Commands : IDisposable
    {
        public Commands(SqliteConnection connection, SqliteTransaction transaction)
        {
            Post = Create(connection, transaction, """
                INSERT INTO posts (key, municipality, network, source_id, kind, parent_key, author_id, author_name,
                    published_at, text, url, likes, comments, reposts, views, content_hash, locality_id, locality_match, stored_at,
                    feed_sector, feed_risk_level, feed_is_appeal)
                VALUES ($key, $municipality, $network, $source, $kind, $parent, $authorId, $authorName,
                    $published, $text, $url, $likes, $comments, $reposts, $views, $hash, $locality, $localityMatch, $stored,
                    $sector, $risk, $appeal)
                """, "$key", "$municipality", "$network", "$source", "$kind", "$parent", "$authorId", "$authorName",
                "$published", "$text", "$url", "$likes", "$comments", "$reposts", "$views", "$hash", "$locality", "$localityMatch", "$stored",
                "$sector", "$risk", "$appeal");
            Classification = Create(connection, transaction, """
                INSERT INTO classifications (post_key, municipality, sector, is_appeal, risk_level, risk_score, reasons, model_version, classified_at)
                VALUES ($key, $municipality, $sector, $appeal, $risk, $score, $reasons, 'synthetic', $classified)
                """, "$key", "$municipality", "$sector", "$appeal", "$risk", "$score", "$reasons", "$classified");
            Incident = Create(connection, transaction, """
                INSERT INTO incidents (id, municipality, post_key, sector, locality_id, recipient_id, priority, risk_level, status,
                    opened_at, due_at, answer_due_at, clock_started_at, answered_at, closed_at, routing_reason, updated_at)
                VALUES ($id, $municipality, $key, $sector, $locality, $recipient, $priority, $risk, $status,
                    $opened, $due, $answerDue, $opened, $answered, $closed, $reason, $opened)
                """, "$id", "$municipality", "$key", "$sector", "$locality", "$recipient", "$priority", "$risk", "$status",
                "$opened", "$due", "$answerDue", "$answered", "$closed", "$reason");
            IncidentPost = Create(connection, transaction,
                "INSERT INTO incident_posts (incident_id, municipality, post_key, added_at) VALUES ($incident, $municipality, $key, $added)",
                "$incident", "$municipality", "$key", "$added");
        }

        public SqliteCommand Post { get; }

        public SqliteCommand Classification { get; }

        public SqliteCommand Incident { get; }

        public SqliteCommand IncidentPost { get; }

        public void Dispose()
        {
            Post.Dispose();
            Classification.Dispose();
            Incident.Dispose();
            IncidentPost.Dispose();
        }

        private static SqliteCommand Create(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            command.Prepare();
            return command;
        }
    }
}
