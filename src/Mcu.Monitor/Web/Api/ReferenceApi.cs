using System.Security.Claims;
using Mcu.Monitor.Classification;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Incidents;
using Mcu.Monitor.Localities;
using Mcu.Monitor.Routing;
using Mcu.Monitor.Web.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Web.Api;

/// <summary><c>/api/me</c> and <c>/api/dictionaries</c>: who is signed in and what the filters and forms choose from.</summary>
public static class ReferenceApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/me", Ok<MeView> (ClaimsPrincipal user) =>
        {
            var role = Enum.TryParse<ConsoleRole>(user.FindFirstValue(ClaimTypes.Role), out var r) ? r : ConsoleRole.ReadOnly;
            return TypedResults.Ok(new MeView(user.Identity?.Name ?? "", user.FindFirstValue(ConsolePolicies.DisplayNameClaim) ?? "", role.ToString(),
                role == ConsoleRole.Officer, role is ConsoleRole.Officer or ConsoleRole.Head));
        }).WithSummary("The signed-in account and what it may change");

        api.MapGet("/dictionaries", Ok<Dictionaries> (IOptions<ClassificationOptions> classification, IOptions<TerritoryOptions> territory, IOptions<RoutingOptions> routing) =>
            TypedResults.Ok(Build(classification.Value, territory.Value, routing.Value)))
            .WithSummary("Sectors, risk levels, localities, networks, recipients and incident statuses with their Russian names");
    }

    public static Dictionaries Build(ClassificationOptions classification, TerritoryOptions territory, RoutingOptions routing) => new(
        [.. classification.Lexicon.Sectors.Select(s => new Choice(s.Key, s.Value.Name.Length > 0 ? s.Value.Name : s.Key))
            .Append(new Choice(Sectors.Other, "Прочее")).DistinctBy(c => c.Id)],
        [new("Low", "низкий"), new("Medium", "средний"), new("High", "высокий"), new("Critical", "критический")],
        [.. territory.Localities.DistinctBy(l => l.Id).Select(l => new Choice(l.Id, l.Name))],
        [new("vk", "ВКонтакте"), new("ok", "Одноклассники"), new("telegram", "Telegram")],
        [.. routing.Recipients.Select(r => new Choice(r.Id, r.Name))],
        [.. Enum.GetValues<IncidentStatus>().Select(s => new Choice(s.ToString(), IncidentTransitions.StatusName(s).Trim('«', '»')))]);
}
