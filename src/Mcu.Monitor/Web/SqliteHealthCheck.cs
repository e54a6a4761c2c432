using Mcu.Monitor.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mcu.Monitor.Web;

/// <summary><c>/health</c>: the system of record answers a query (the one thing without which nothing else works).</summary>
public sealed class SqliteHealthCheck(SqliteDatabase database) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var connection = database.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM sources";
            command.ExecuteScalar();
            return Task.FromResult(HealthCheckResult.Healthy("sqlite"));
        }
#pragma warning disable CA1031 // a health check reports every failure instead of throwing
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("sqlite: " + ex.GetType().Name));
        }
    }
}
