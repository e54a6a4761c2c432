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
}
