using Mcu.Monitor.Domain;
using Mcu.Monitor.Routing;
using Mcu.Monitor.Text;

namespace Mcu.Monitor.Incidents;

/// <summary>
/// Incident rules: an appeal opens an incident, routed, prioritised by risk and sector, and given its first-reaction and final-answer deadlines in
/// working time on the working calendar (or in plain hours when no calendar is given).
/// </summary>
public sealed class IncidentPlanner(IncidentOptions options, Router router, WorkingCalendar? calendar = null, IncidentClock? clock = null)
{
    private readonly IncidentClock _clock = clock ?? new IncidentClock(options.Deadlines, calendar);

    public const string AlertKindOpened = "incident.opened";

    public IncidentPlan? Plan(
        Post post, ClassificationResult classification, LocalityMatch? locality, IReadOnlyList<Token> tokens, DateTimeOffset now)
    {
        if (!classification.IsAppeal || (post.Kind == PostKind.Comment && !options.OpenForComments))
        {
            return null;
        }

        // The clock starts at publication, as «Инцидент Менеджмент» counts reaction time; a timestamp in
        // the future (a wrong clock at the source) starts it now.
        var openedAt = post.PublishedAt < now ? post.PublishedAt : now;
        return Build(post, classification, locality, router.Route(classification.Sector, locality?.LocalityId, tokens), openedAt);
    }

    /// <summary>
    /// The incident an officer opens by hand for a post they confirm as an appeal (the console's triage), whatever its
    /// kind and the classifier's appeal flag; routed by the rules unless the officer chose <paramref name="recipientId"/>.
    /// The clock starts <paramref name="now"/>, not at publication: the recipient learns of it only now, and the wait
    /// before was the МЦУ's own.
    /// </summary>
    public IncidentPlan PlanByOfficer(
        Post post, ClassificationResult classification, LocalityMatch? locality, IReadOnlyList<Token> tokens, DateTimeOffset now, string actor, string? recipientId = null)
    {
        var route = recipientId is null
            ? router.Route(classification.Sector, locality?.LocalityId, tokens)
            : new RouteDecision(recipientId, $"выбран сотрудником МЦУ: {actor}");
        return Build(post, classification, locality, route, now);
    }

    private IncidentPlan Build(Post post, ClassificationResult classification, LocalityMatch? locality, RouteDecision route, DateTimeOffset openedAt)
    {
        var priority = classification.Risk switch
        {
            RiskLevel.Critical => Priority.Critical,
            RiskLevel.High => Priority.High,
            _ => Priority.Normal,
        };
        if (options.SectorPriority.TryGetValue(classification.Sector, out var least) && Enum.TryParse<Priority>(least, out var floor) && floor > priority)
        {
            priority = floor;
        }

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
            DueAt = _clock.ReactionDue(priority, openedAt, route.RecipientId),
            AnswerDueAt = _clock.AnswerDue(priority, openedAt, route.RecipientId),
            RoutingReason = route.Reason,
        };
        return new IncidentPlan(incident, $"{AlertKindOpened}:{post.Key}");
    }
}
