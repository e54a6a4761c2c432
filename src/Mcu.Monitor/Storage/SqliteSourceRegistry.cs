using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Sources;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Storage;

/// <summary>Keeps the <c>sources</c> table in step with the configured sources, so stored posts can be traced to what read them.</summary>
public sealed class SqliteSourceRegistry(SqliteDatabase database, IOptions<MunicipalityOptions> municipality, TimeProvider time)
{
    public void Register(IEnumerable<SourceDefinition> sources)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO sources (id, municipality, first_seen_at, type, address, display_name)
            VALUES ($id, $municipality, $now, $type, $address, $name)
            ON CONFLICT(id) DO UPDATE SET type = excluded.type, address = excluded.address, display_name = excluded.display_name
            """;
        command.Parameters.AddWithValue("$municipality", municipality.Value.Id);
        command.Parameters.AddWithValue("$now", SqliteDatabase.ToDb(time.GetUtcNow()));
        var id = command.Parameters.Add("$id", Microsoft.Data.Sqlite.SqliteType.Text);
        var type = command.Parameters.Add("$type", Microsoft.Data.Sqlite.SqliteType.Text);
        var address = command.Parameters.Add("$address", Microsoft.Data.Sqlite.SqliteType.Text);
        var name = command.Parameters.Add("$name", Microsoft.Data.Sqlite.SqliteType.Text);
        foreach (var source in sources)
        {
            id.Value = source.Id;
            type.Value = source.Type;
            address.Value = source.Address;
            name.Value = source.DisplayName;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>When each source's cursor last moved.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> CursorTimes()
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT source_id, updated_at FROM cursors";
        using var reader = command.ExecuteReader();
        var times = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        while (reader.Read())
        {
            times[reader.GetString(0)] = SqliteDatabase.FromDb(reader.GetString(1));
        }

        return times;
    }
}
