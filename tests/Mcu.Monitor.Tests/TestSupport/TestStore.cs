using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Tests.TestSupport;

/// <summary>A SQLite store on a temporary file, and a way to count rows.</summary>
public sealed class TestStore : IDisposable
{
    private readonly TempDirectory _directory = new();

    public TestStore(TimeProvider? time = null)
    {
        Database = new SqliteDatabase(Options.Create(new StorageOptions { DatabasePath = _directory.File("test.db") }));
        Store = new SqlitePostStore(Database, Options.Create(new MunicipalityOptions { Id = "test-mun" }), time ?? TimeProvider.System);
    }

    public SqliteDatabase Database { get; }

    public SqlitePostStore Store { get; }

    public long Count(string sql)
    {
        using var connection = Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        Store.Dispose();
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
