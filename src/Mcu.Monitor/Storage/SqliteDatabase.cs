using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Storage;

/// <summary>
/// Opens connections to the SQLite system of record: WAL journal (readers never block the writer), and
/// synchronous=NORMAL, which in WAL mode keeps every committed transaction across a process kill.
/// </summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;
    private int _migrated;

    public SqliteDatabase(IOptions<StorageOptions> options)
    {
        var path = Path.GetFullPath(options.Value.DatabasePath);
        FilePath = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(options.Value.BusyTimeout.TotalSeconds),
        }.ToString();
    }

    public string FilePath { get; }

    /// <summary>Opens a connection, creating the file and applying migrations on first use.</summary>
    public SqliteConnection Open()
    {
        if (Volatile.Read(ref _migrated) == 0)
        {
            EnsureCreated();
        }

        return OpenRaw();
    }

    /// <summary>Creates the database if needed and applies every pending migration.</summary>
    public void EnsureCreated()
    {
        lock (_connectionString)
        {
            if (_migrated == 1)
            {
                return;
            }

            var directory = Path.GetDirectoryName(FilePath);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            using var connection = OpenRaw();
            using (var wal = connection.CreateCommand())
            {
                wal.CommandText = "PRAGMA journal_mode=WAL;";
                wal.ExecuteNonQuery();
            }

            SchemaMigrations.Apply(connection);
            Volatile.Write(ref _migrated, 1);
        }
    }

    private SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        // temp_store=MEMORY: a statement inside the store's batch transaction keeps the pages it changes in a statement
        // journal, which SQLite moves to a temporary file past 64 KiB and then writes page by page for the rest of the
        // batch. With the operator console's feed indexes most batches crossed that line (strace of `bench import`: about
        // 20 more write calls a post, 13 of them to that file; 15-20% fewer posts a second). In memory the journal costs
        // no system calls; sorts that outgrow the page cache and the search's table of matched words stay in memory
        // too, a few MB at this database's sizes.
        command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;";
        command.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Timestamps are stored as UTC ISO 8601 text with a fixed width, so text order is time order.</summary>
    public static string ToDb(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset FromDb(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
