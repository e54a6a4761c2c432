using System.Security.Claims;
using Mcu.Monitor.Triage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Mcu.Monitor.Web.Api;

/// <summary>
/// <c>/api/queue</c>, <c>/api/incidents</c> (list, detail, merge candidates) and <c>/api/posts/correction</c>: the officer's
/// triage. Every change is an incident event with the officer as actor; corrections are kept as training feedback.
/// </summary>
public static class TriageApi
{
    public const int MaxLimit = 200;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/queue", Ok<QueuePage> (TriageQueue queue, int? offset, int? limit) =>
            TypedResults.Ok(queue.Pending(Math.Clamp(limit ?? 20, 1, MaxLimit), Math.Max(0, offset ?? 0))))
            .WithSummary("Appeals awaiting triage, highest risk then newest first");

        api.MapPost("/queue/triage", Results<Ok<ChangeResult>, Conflict<ChangeResult>, BadRequest<ChangeResult>> (TriageRequest request, ClaimsPrincipal user, TriageService triage) =>
        {
            if (string.IsNullOrWhiteSpace(request.PostKey) || !Enum.TryParse<TriageVerdict>(request.Verdict, ignoreCase: true, out var verdict)
                || !Enum.IsDefined(verdict))
            {
                return TypedResults.BadRequest(new ChangeResult(false, $"Нужны postKey и решение Confirm, NotAppeal или Merge (получено '{request.Verdict}')"));
            }

            var result = triage.Apply(new TriageDecision(request.PostKey, verdict, ConsolePolicies.Actor(user))
            {
                Sector = ApiEndpoints.Optional(request.Sector), RiskLevel = ApiEndpoints.Optional(request.RiskLevel), RecipientId = ApiEndpoints.Optional(request.RecipientId),
                MergeIntoIncidentId = request.MergeIntoIncidentId, Note = ApiEndpoints.Optional(request.Note),
            });
            return Answer(result.Applied, result.Message, result.IncidentId);
        }).RequireAuthorization(ConsolePolicies.Change).WithSummary("Triage an appeal: confirm (with corrections), not an appeal, or merge into an incident");

        api.MapPost("/posts/correction", Results<Ok<ChangeResult>, Conflict<ChangeResult>, BadRequest<ChangeResult>> (CorrectionRequest request, ClaimsPrincipal user, TriageService triage) =>
        {
            if (string.IsNullOrWhiteSpace(request.PostKey))
            {
                return TypedResults.BadRequest(new ChangeResult(false, "Нужен postKey"));
            }

            var result = triage.Correct(request.PostKey, ConsolePolicies.Actor(user), ApiEndpoints.Optional(request.Sector), request.Appeal, ApiEndpoints.Optional(request.RiskLevel), request.Negative);
            return Answer(result.Applied, result.Message, result.IncidentId);
        }).RequireAuthorization(ConsolePolicies.Change).WithSummary("Correct a post's sector, appeal or risk, or mark its tone (kept as training feedback)");

        api.MapGet("/incidents", Ok<IncidentPage> (IncidentBoard board, string? status, bool? open, int? offset, int? limit) =>
        {
            var (total, items) = board.List(ApiEndpoints.Optional(status), open ?? true, Math.Clamp(limit ?? 50, 1, MaxLimit), Math.Max(0, offset ?? 0));
            return TypedResults.Ok(new IncidentPage(total, items));
        }).WithSummary("Incidents with status and deadlines, overdue first, then the nearest deadline");

        api.MapGet("/incidents/search", Ok<IReadOnlyList<IncidentListItem>> (IncidentBoard board, string? q, int? limit) =>
            TypedResults.Ok(board.Search(ApiEndpoints.Optional(q), Math.Clamp(limit ?? 20, 1, MaxLimit))))
            .WithSummary("Open incidents to merge an appeal into, optionally matching words of their main post");

        api.MapGet("/incidents/{id:long}", Results<Ok<IncidentDetail>, NotFound> (long id, IncidentBoard board) =>
            board.Get(id) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound())
            .WithSummary("An incident with its posts, the timeline of events and the official answer with its completeness score");
    }

    private static Results<Ok<ChangeResult>, Conflict<ChangeResult>, BadRequest<ChangeResult>> Answer(bool applied, string message, long? incident)
    {
        var change = new ChangeResult(applied, message, incident);
        return applied ? TypedResults.Ok(change) : TypedResults.Conflict(change);
    }
}
