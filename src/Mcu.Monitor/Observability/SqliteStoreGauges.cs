using Mcu.Monitor.Incidents;
using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Storage;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Observability;

/// <summary>
/// Counts the outboxes and incidents in SQLite for the gauges, one read per scrape and nothing cached, so a
/// gauge is never older than the scrape that shows it. Only rows of the configured municipality count.
/// </summary>
public sealed class SqliteStoreGauges(SqliteDatabase database, IOptions<MunicipalityOptions> municipality, TimeProvider time)
{
    // Overdue is the reports' «past the running deadline» (IncidentLifecycle.RunningDeadlineSql). Timestamps are
    // fixed-width UTC text, so text order is time order.
    private static readonly string Sql = $"""
        SELECT (SELECT COUNT(*) FROM alert_outbox WHERE municipality = $municipality AND sent_at IS NULL),
               (SELECT COUNT(*) FROM index_outbox WHERE municipality = $municipality AND indexed_at IS NULL AND dead_at IS NULL),
               (SELECT COUNT(*) FROM index_outbox WHERE municipality = $municipality AND dead_at IS NOT NULL),
               COUNT(*),
               COUNT(CASE WHEN {IncidentLifecycle.RunningDeadlineSql()} < $now THEN 1 END)
        FROM incidents
        WHERE municipality = $municipality AND status IN {IncidentLifecycle.OpenStatusesSql}
        """;

    public StoreGauges Read()
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.Parameters.AddWithValue("$municipality", municipality.Value.Id);
        command.Parameters.AddWithValue("$now", SqliteDatabase.ToDb(time.GetUtcNow()));
        using var reader = command.ExecuteReader();
        reader.Read();
        return new StoreGauges(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
    }
}
