using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Storage;

/// <summary>Erases texts and author names of posts past the retention period; counts and labels stay for statistics.</summary>
public sealed class SqliteRetention(SqliteDatabase database, IOptions<StorageOptions> options, TimeProvider time, ILogger<SqliteRetention> logger)
{
    public int EraseExpiredTexts()
    {
        var now = time.GetUtcNow();
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE posts SET text = '', author_name = NULL, author_id = NULL, text_erased_at = $now
            WHERE published_at < $cutoff AND text_erased_at IS NULL
            """;
        command.Parameters.AddWithValue("$now", SqliteDatabase.ToDb(now));
        command.Parameters.AddWithValue("$cutoff", SqliteDatabase.ToDb(now - options.Value.TextRetention));
        var erased = command.ExecuteNonQuery();
        if (erased > 0)
        {
            StorageLog.TextsErased(logger, erased, options.Value.TextRetention);
        }

        return erased;
    }
}
