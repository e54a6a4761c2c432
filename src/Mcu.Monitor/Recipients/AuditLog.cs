using Mcu.Monitor.Storage;
using Microsoft.Data.Sqlite;

namespace Mcu.Monitor.Recipients;

/// <summary>
/// Who did what outside the incident timeline: bindings, refused buttons, invites. Details never hold post
/// texts or secrets.
/// </summary>
public static class AuditLog
{
    public static void Write(SqliteConnection connection, SqliteTransaction? transaction, string municipality, DateTimeOffset at, string actor, string action, string? details)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO audit_log (municipality, at, actor, action, details) VALUES ($municipality, $at, $actor, $action, $details)";
        command.Parameters.AddWithValue("$municipality", municipality);
        command.Parameters.AddWithValue("$at", SqliteDatabase.ToDb(at));
        command.Parameters.AddWithValue("$actor", actor);
        command.Parameters.AddWithValue("$action", action);
        command.Parameters.AddWithValue("$details", (object?)details ?? DBNull.Value);
        command.ExecuteNonQuery();
    }
}
