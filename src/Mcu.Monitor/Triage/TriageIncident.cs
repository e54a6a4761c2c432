using Mcu.Monitor.Domain;
using Microsoft.Data.Sqlite;

namespace Mcu.Monitor.Triage;

/// <summary>What the triage needs to know of an incident: its state, recipient, main post and how many posts are in it.</summary>
internal sealed record TriageIncident(long Id, IncidentStatus Status, string RecipientId, string MainPostKey, int PostCount)
{
    /// <summary>Open, or rejected and back with the МЦУ: the triage may still change it.</summary>
    public bool Workable => Incidents.IncidentLifecycle.IsOpen(Status) || Status == IncidentStatus.Rejected;

    public const string Columns = "i.id, i.status, i.recipient_id, i.post_key, (SELECT COUNT(*) FROM incident_posts x WHERE x.incident_id = i.id)";

    /// <summary>Reads <see cref="Columns"/> from <paramref name="first"/> on; null when the incident id there is NULL.</summary>
    public static TriageIncident? Read(SqliteDataReader reader, int first) => reader.IsDBNull(first) ? null : new TriageIncident(
        reader.GetInt64(first),
        Enum.Parse<IncidentStatus>(reader.GetString(first + 1)),
        reader.GetString(first + 2),
        reader.GetString(first + 3),
        reader.GetInt32(first + 4));

    public static TriageIncident? Load(SqliteConnection connection, SqliteTransaction transaction, long id, string municipality)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {Columns} FROM incidents i WHERE i.id = $id AND i.municipality = $municipality";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$municipality", municipality);
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader, 0) : null;
    }
}
