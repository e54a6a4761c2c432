using Mcu.Monitor.Storage;

namespace Mcu.Monitor.Incidents;

/// <summary>Runs one lifecycle command in its own transaction (officers' commands, the bot's buttons).</summary>
public sealed class IncidentService(SqliteDatabase database, IncidentTransitions transitions, TimeProvider time)
{
    public IncidentCommandResult Execute(IncidentCommand command)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var result = transitions.Apply(connection, transaction, command, time.GetUtcNow());
        if (result.Applied)
        {
            transaction.Commit();
        }

        return result;
    }
}
