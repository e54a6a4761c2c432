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
        command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";
        command.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Timestamps are stored as UTC ISO 8601 text with a fixed width, so text order is time order.</summary>
    public static string ToDb(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset FromDb(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
