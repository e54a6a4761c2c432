using System.Security.Claims;
using Mcu.Monitor.Incidents;
using Mcu.Monitor.Triage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Mcu.Monitor.Web.Api;

/// <summary><c>/api/incidents</c>: moves of the lifecycle, each an incident event with the signed-in officer as actor.</summary>
public static class IncidentsApi
{
    /// <summary>The moves the console offers: the route's last segment, the action, and who may make it.</summary>
    public static readonly IReadOnlyList<(string Route, IncidentAction Action, string Policy)> Moves =
    [
        ("assign", IncidentAction.Assign, ConsolePolicies.Change),
        ("take", IncidentAction.TakeInWork, ConsolePolicies.Change),
        ("answer", IncidentAction.Answer, ConsolePolicies.Change),
        ("reassign", IncidentAction.Reassign, ConsolePolicies.Change),
        ("reject", IncidentAction.Reject, ConsolePolicies.Change),
        ("close", IncidentAction.Close, ConsolePolicies.Accept),
        ("reopen", IncidentAction.Reopen, ConsolePolicies.Accept),
    ];

    public static void Map(RouteGroupBuilder api)
    {
        foreach (var (route, action, policy) in Moves)
        {
            api.MapPost($"/incidents/{{id:long}}/{route}", Results<Ok<ChangeResult>, Conflict<ChangeResult>, NotFound<ChangeResult>> (
                long id, IncidentMoveRequest? request, ClaimsPrincipal user, IncidentService incidents, IncidentBoard board, IAnswerScorer scorer, TimeProvider time) =>
            {
                // Only this municipality's incidents: the board reads within it, the lifecycle by id alone.
                if (board.Get(id) is null)
                {
                    return TypedResults.NotFound(new ChangeResult(false, $"Инцидент #{id} не найден", id));
                }

                var answer = ApiEndpoints.Optional(request?.AnswerText);
                var score = action == IncidentAction.Answer && answer is not null ? scorer.Score(answer, []) : null;
                var result = incidents.Execute(new IncidentCommand(id, action, ConsolePolicies.Actor(user), time.GetUtcNow())
                {
                    RecipientId = request?.RecipientId,
                    Reason = ApiEndpoints.Optional(request?.Reason),
                    AnswerText = answer,
                    AnswerScore = score?.Score,
                    AnswerDetails = score?.DetailsJson,
                });
                var change = new ChangeResult(result.Applied, result.Message, id);
                return result.Applied ? TypedResults.Ok(change) : TypedResults.Conflict(change);
            }).RequireAuthorization(policy).WithSummary($"Incident move «{IncidentLifecycle.EventType(action)}»");
        }
    }
}
