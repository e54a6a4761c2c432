using System.Globalization;
using Mcu.Monitor.Cli;
using Mcu.Monitor.Incidents;
using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Recipients;
using Mcu.Monitor.Reports;
using Mcu.Monitor.Routing;
using Mcu.Monitor.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Web.Api;

/// <summary><c>/api/recipients</c> (the registry with its workload) and <c>/api/rating</c> (the published formula of <c>rating</c>).</summary>
public static class RecipientsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/recipients", Ok<IReadOnlyList<RecipientView>> (IOptions<RoutingOptions> routing, RecipientDirectory directory, SqliteDatabase database,
            IOptions<MunicipalityOptions> municipality, TimeProvider time) =>
        {
            var load = Workload(database, municipality.Value.Id, time.GetUtcNow());
            return TypedResults.Ok<IReadOnlyList<RecipientView>>([.. routing.Value.Recipients.Select(r => new RecipientView(
                r.Id, r.Name, r.EscalatesTo, r.RoundTheClock, directory.ChatsOf(r.Id).Count, r.Emails.Count,
                load.GetValueOrDefault(r.Id).Open, load.GetValueOrDefault(r.Id).Overdue))]);
        }).WithSummary("The registry of responsible recipients with their alert channels and open and overdue incidents");

        api.MapGet("/rating", Results<Ok<RatingTable>, BadRequest<ChangeResult>> (string? from, string? to, RecipientRating rating, ReportMetrics metrics,
            IOptions<MunicipalityOptions> municipality) =>
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(municipality.Value.TimeZone);
            var now = metrics.Now;
            return RatingCommand.TryPeriod(ApiEndpoints.Optional(from), ApiEndpoints.Optional(to), now, zone, out var period, out var problem)
                ? TypedResults.Ok(rating.Compute(period, now))
                : TypedResults.BadRequest(new ChangeResult(false, problem.Replace("--", "", StringComparison.Ordinal)));
        }).WithSummary("Rating of recipients for a period (from/to yyyy-MM-dd; default the last complete week)");
    }

    /// <summary>Open and overdue incidents per recipient now (overdue: the running deadline has passed).</summary>
    private static Dictionary<string, (int Open, int Overdue)> Workload(SqliteDatabase database, string municipality, DateTimeOffset now)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT recipient_id, COUNT(*),
                   SUM(CASE WHEN {IncidentLifecycle.RunningDeadlineSql()} < $now THEN 1 ELSE 0 END)
            FROM incidents WHERE municipality = $municipality AND status IN {IncidentLifecycle.OpenStatusesSql}
            GROUP BY recipient_id
            """;
        command.Parameters.AddWithValue("$municipality", municipality);
        command.Parameters.AddWithValue("$now", SqliteDatabase.ToDb(now));
        using var reader = command.ExecuteReader();
        var load = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        while (reader.Read())
        {
            load[reader.GetString(0)] = (reader.GetInt32(1), Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture));
        }

        return load;
    }
}
