using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Querying;
using Mcu.Monitor.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Web.Api;

/// <summary><c>/api/posts</c>: the «Лента», filtered and paged, from SQLite (FTS5) or Elasticsearch — whichever <c>query</c> uses.</summary>
public static class PostsApi
{
    public const int MaxLimit = 200;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/posts", async Task<Results<Ok<QueryResult>, BadRequest<ChangeResult>>> (
            IPostSearch search, IOptions<MunicipalityOptions> municipality, CancellationToken cancellationToken,
            string? sector, string? risk, string? locality, string? network, bool? appeal, DateOnly? from, DateOnly? to, string? q,
            int? offset, int? limit) =>
        {
            // Days are the municipality's days, both inclusive, as an officer means «с 20 по 22 ноября».
            var zone = TimeZoneInfo.FindSystemTimeZoneById(municipality.Value.TimeZone);
            if (risk is not null && !Enum.TryParse<Domain.RiskLevel>(risk, ignoreCase: true, out _))
            {
                return TypedResults.BadRequest(new ChangeResult(false, $"Неизвестный уровень риска '{risk}'"));
            }

            var query = new PostQuery
            {
                Sector = ApiEndpoints.Optional(sector), MinRisk = ApiEndpoints.Optional(risk), Locality = ApiEndpoints.Optional(locality), Network = ApiEndpoints.Optional(network), Appeal = appeal,
                From = from is { } first ? ReportPeriod.Days(first, first, zone).From : null,
                To = to is { } last ? ReportPeriod.Days(last, last, zone).To : null,
                Offset = Math.Max(0, offset ?? 0), Text = ApiEndpoints.Optional(q), Limit = Math.Clamp(limit ?? 100, 1, MaxLimit),
            };
            return TypedResults.Ok(await search.SearchAsync(query, cancellationToken));
        }).WithSummary("Classified posts, newest first, filtered by sector, minimum risk, locality, network, appeal, days (from/to yyyy-MM-dd, inclusive, in the municipality's time zone) and words");
    }
}
