using Mcu.Monitor.Municipalities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Storage;

/// <summary>
/// Erases the personal data of posts past the retention period: text, author id and name, and the words the
/// gazetteer matched. Sector, appeal, risk, engagement and incidents stay for statistics; the stored reasons
/// quote only configured lexicon terms, never free text. Runs in chunks so writers are not blocked for long.
/// </summary>
public sealed class SqliteRetention(
    SqliteDatabase database,
    IOptions<StorageOptions> options,
    IOptions<MunicipalityOptions> municipality,
    TimeProvider time,
    ILogger<SqliteRetention> logger)
{
    private const int ChunkSize = 5000;

    public int EraseExpiredTexts()
    {
        var now = time.GetUtcNow();
        var total = 0;
        int erased;
        do
        {
            using var connection = database.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                UPDATE posts SET text = '', author_name = NULL, author_id = NULL, locality_match = NULL, text_erased_at = $now
                WHERE rowid IN (
                    SELECT rowid FROM posts
                    WHERE municipality = $municipality AND published_at < $cutoff AND text_erased_at IS NULL
                    LIMIT $chunk)
                """;
            command.Parameters.AddWithValue("$now", SqliteDatabase.ToDb(now));
            command.Parameters.AddWithValue("$municipality", municipality.Value.Id);
            command.Parameters.AddWithValue("$cutoff", SqliteDatabase.ToDb(now - options.Value.TextRetention));
            command.Parameters.AddWithValue("$chunk", ChunkSize);
            erased = command.ExecuteNonQuery();
            total += erased;
        }
        while (erased == ChunkSize);

        if (total > 0)
        {
            StorageLog.TextsErased(logger, total, options.Value.TextRetention);
        }

        return total;
    }
}
