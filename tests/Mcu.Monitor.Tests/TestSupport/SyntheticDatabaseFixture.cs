using Mcu.Monitor.Benchmarks;
using Mcu.Monitor.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Tests.TestSupport;

/// <summary>A database of 2,000 synthetic posts (<see cref="SyntheticDatabase"/>), filled once for a test class.</summary>
public sealed class SyntheticDatabaseFixture : IDisposable
{
    public const int Posts = 2_000;

    private readonly TempDirectory _directory = new();

    public SyntheticDatabaseFixture()
    {
        Database = new SqliteDatabase(Options.Create(new StorageOptions { DatabasePath = _directory.File("synthetic.db") }));
        Summary = SyntheticDatabase.Fill(Database, Posts, seed: 7);
    }

    public SqliteDatabase Database { get; }

    public SyntheticDatabaseSummary Summary { get; }

    /// <summary>Runs <paramref name="sql"/> and reads every row with <paramref name="read"/>.</summary>
    public List<T> Rows<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        using var connection = Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public long Scalar(string sql) => Rows(sql, r => r.GetInt64(0)).Single();

    public void Dispose() => _directory.Dispose();
}
