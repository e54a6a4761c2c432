using Mcu.Monitor.Domain;
using Mcu.Monitor.Routing;
using Mcu.Monitor.Text;

namespace Mcu.Monitor.Incidents;

/// <summary>
/// First-cut incident rules: an appeal opens an incident, routed and given a deadline in working time on the
/// working calendar (or in plain hours when no calendar is given).
/// </summary>
public sealed class IncidentPlanner(IncidentOptions options, Router router, WorkingCalendar? calendar = null)
{
    public const string AlertKindOpened = "incident.opened";

    public IncidentPlan? Plan(
        Post post, ClassificationResult classification, LocalityMatch? locality, IReadOnlyList<Token> tokens, DateTimeOffset now)
    {
        if (!classification.IsAppeal || (post.Kind == PostKind.Comment && !options.OpenForComments))
        {
            return null;
        }

        var route = router.Route(classification.Sector, locality?.LocalityId, tokens);
        var priority = classification.Risk switch
        {
            RiskLevel.Critical => Priority.Critical,
            RiskLevel.High => Priority.High,
            _ => Priority.Normal,
        };
        var deadline = priority switch
        {
            Priority.Critical => options.Deadlines.Critical,
            Priority.High => options.Deadlines.High,
            _ => options.Deadlines.Normal,
        };

        // The clock starts at publication, as «Инцидент Менеджмент» counts reaction time; a timestamp in
        // the future (a wrong clock at the source) starts it now.
        var openedAt = post.PublishedAt < now ? post.PublishedAt : now;
        var incident = new Incident
        {
            Municipality = post.Municipality,
            PostKey = post.Key,
            Sector = classification.Sector,
            LocalityId = locality?.LocalityId,
            RecipientId = route.RecipientId,
            Priority = priority,
            Risk = classification.Risk,
            Status = IncidentStatus.New,
            OpenedAt = openedAt,
            DueAt = calendar?.AddWorkingTime(openedAt, deadline) ?? openedAt + deadline,
            RoutingReason = route.Reason,
        };
        return new IncidentPlan(incident, $"{AlertKindOpened}:{post.Key}");
    }
}
