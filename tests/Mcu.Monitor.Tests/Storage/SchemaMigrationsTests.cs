using Mcu.Monitor.Storage;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Tests.Storage;

public class SchemaMigrationsTests
{
    [Fact]
    public void EnsureCreated_NewFile_AppliesLatestVersionInWalMode()
    {
        using var directory = new TempDirectory();
        var database = new SqliteDatabase(Options.Create(new StorageOptions { DatabasePath = directory.File("sub/dir/a.db") }));
        database.EnsureCreated();

        using var connection = database.Open();
        Assert.Equal(SchemaMigrations.LatestVersion, SchemaMigrations.CurrentVersion(connection));
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", command.ExecuteScalar() as string);
    }

    [Fact]
    public void Open_EveryConnection_KeepsTemporaryFilesInMemory()
    {
        using var directory = new TempDirectory();
        var database = new SqliteDatabase(Options.Create(new StorageOptions { DatabasePath = directory.File("a.db") }));
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA temp_store;";
        Assert.Equal(2L, command.ExecuteScalar()); // 2 = MEMORY
    }

    [Fact]
    public void EnsureCreated_Twice_IsIdempotent()
    {
        using var directory = new TempDirectory();
        var options = Options.Create(new StorageOptions { DatabasePath = directory.File("a.db") });
        new SqliteDatabase(options).EnsureCreated();
        var again = new SqliteDatabase(options);
        again.EnsureCreated();
        using var connection = again.Open();
        Assert.Equal(SchemaMigrations.LatestVersion, SchemaMigrations.CurrentVersion(connection));
    }

    [Fact]
    public void EnsureCreated_DatabaseFromNewerBuild_FailsWithClearMessage()
    {
        using var directory = new TempDirectory();
        var path = directory.File("future.db");
        using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 999;";
            command.ExecuteNonQuery();
        }

        var database = new SqliteDatabase(Options.Create(new StorageOptions { DatabasePath = path }));
        var error = Assert.Throws<InvalidOperationException>(database.EnsureCreated);
        Assert.Contains("999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToDbAndFromDb_RoundTripInUtcAndSortAsText()
    {
        var moscow = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(3));
        var text = SqliteDatabase.ToDb(moscow);
        Assert.Equal("2026-11-20T06:00:00.000Z", text);
        Assert.Equal(moscow, SqliteDatabase.FromDb(text));
        Assert.True(string.CompareOrdinal(SqliteDatabase.ToDb(moscow), SqliteDatabase.ToDb(moscow.AddSeconds(1))) < 0);
    }

    [Fact]
    public void FeedMigration_OnTheVersionBeforeWithPosts_CopiesTheirClassificationsAndTriggersKeepThemEqual()
    {
        using var directory = new TempDirectory();
        var path = directory.File("before-feed.db");
        var feed = SchemaMigrations.VersionContaining("ADD COLUMN feed_sector");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            SchemaMigrations.Apply(connection, feed - 1);
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO posts (key, municipality, network, source_id, kind, published_at, text, content_hash, stored_at, locality_id)
                VALUES ('vk:-1:1', 'm', 'vk', 'file:x', 'post', '2026-11-20T06:00:00.000Z', 'Нет воды', 'h', '2026-11-20T06:00:00.000Z', 'ilovka'),
                       ('vk:-1:2', 'm', 'vk', 'file:x', 'post', '2026-11-21T06:00:00.000Z', 'Продам гараж', 'h', '2026-11-21T06:00:00.000Z', NULL),
                       ('vk:-1:3', 'm', 'vk', 'file:x', 'post', '2026-11-22T06:00:00.000Z', 'Яма', 'h', '2026-11-22T06:00:00.000Z', NULL);
                INSERT INTO classifications (post_key, municipality, sector, is_appeal, risk_level, risk_score, reasons, model_version, classified_at)
                VALUES ('vk:-1:1', 'm', 'zhkh', 1, 'High', 0.6, '[]', 'v', '2026-11-20T06:00:00.000Z'),
                       ('vk:-1:2', 'm', 'other', 0, 'Low', 0.0, '[]', 'v', '2026-11-21T06:00:00.000Z');
                """;
            insert.ExecuteNonQuery();
        }

        var database = new SqliteDatabase(Options.Create(new StorageOptions { DatabasePath = path }));
        database.EnsureCreated();

        using var check = database.Open();
        Assert.Equal(SchemaMigrations.LatestVersion, SchemaMigrations.CurrentVersion(check));
        Assert.Equal(["vk:-1:1 zhkh High 1", "vk:-1:2 other Low 0", "vk:-1:3 - - -"], Feed(check)); // post 3 was never classified

        Execute(check, """
            INSERT INTO classifications (post_key, municipality, sector, is_appeal, risk_level, risk_score, reasons, model_version, classified_at)
            VALUES ('vk:-1:3', 'm', 'roads', 1, 'Critical', 0.9, '[]', 'v', '2026-11-22T06:00:00.000Z')
            """);
        Execute(check, "UPDATE classifications SET sector = 'tko', is_appeal = 1 WHERE post_key = 'vk:-1:2'");
        // how the store and reclassify write: an upsert
        Execute(check, """
            INSERT INTO classifications (post_key, municipality, sector, is_appeal, risk_level, risk_score, reasons, model_version, classified_at)
            VALUES ('vk:-1:1', 'm', 'zhkh', 0, 'Medium', 0.3, '[]', 'v2', '2026-11-23T06:00:00.000Z')
            ON CONFLICT(post_key) DO UPDATE SET sector = excluded.sector, is_appeal = excluded.is_appeal, risk_level = excluded.risk_level
            """);
        Assert.Equal(["vk:-1:1 zhkh Medium 0", "vk:-1:2 tko Low 1", "vk:-1:3 roads Critical 1"], Feed(check));

        Execute(check, "DELETE FROM classifications WHERE post_key = 'vk:-1:3'");
        Assert.Equal("vk:-1:3 - - -", Feed(check)[2]);

        using var indexes = check.CreateCommand();
        indexes.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_posts_feed%'";
        Assert.Equal(3L, indexes.ExecuteScalar());
    }

    private static List<string> Feed(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT key, feed_sector, feed_risk_level, feed_is_appeal FROM posts ORDER BY key";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join(' ', Enumerable.Range(0, 4).Select(i => reader.IsDBNull(i) ? "-" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
