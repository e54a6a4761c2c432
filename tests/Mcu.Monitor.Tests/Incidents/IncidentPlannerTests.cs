using Mcu.Monitor.Domain;
using Mcu.Monitor.Incidents;
using Mcu.Monitor.Routing;
using Mcu.Monitor.Tests.TestSupport;

namespace Mcu.Monitor.Tests.Incidents;

public class IncidentPlannerTests
{
    private static readonly DateTimeOffset Now = TestPosts.Published.AddHours(1);

    private static ClassificationResult Classified(bool appeal, RiskLevel risk, string sector = "zhkh") => new()
    {
        Sector = sector,
        IsAppeal = appeal,
        Risk = risk,
        RiskScore = 0.5,
        Reasons = [],
        ModelVersion = "test",
    };

    private static IncidentPlanner Planner(IncidentOptions? options = null) => new(options ?? new IncidentOptions(), new Router(TestConfiguration.Routing()));

    [Theory]
    [InlineData(RiskLevel.Critical, Priority.Critical, 4)]
    [InlineData(RiskLevel.High, Priority.High, 9)]
    [InlineData(RiskLevel.Medium, Priority.Normal, 24)]
    [InlineData(RiskLevel.Low, Priority.Normal, 24)]
    public void Plan_Appeal_PriorityAndDeadlineFromRisk(RiskLevel risk, Priority priority, int hours)
    {
        var plan = Planner().Plan(TestPosts.Post("1"), Classified(true, risk), null, [], Now);

        Assert.NotNull(plan);
        Assert.Equal(priority, plan.Incident.Priority);
        Assert.Equal(TestPosts.Published, plan.Incident.OpenedAt);
        Assert.Equal(TestPosts.Published.AddHours(hours), plan.Incident.DueAt);
        Assert.Equal("zhkh", plan.Incident.RecipientId);
        Assert.Equal(IncidentStatus.New, plan.Incident.Status);
        Assert.Equal("incident.opened:vk:-1:1", plan.AlertIdempotencyKey);
    }

    [Fact]
    public void Plan_WithWorkingCalendar_DeadlineCountsWorkingHours()
    {
        var calendar = new WorkingCalendar(TestConfiguration.Bind<WorkingCalendarOptions>(WorkingCalendarOptions.SectionName), TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow"));
        var planner = new IncidentPlanner(new IncidentOptions(), new Router(TestConfiguration.Routing()), calendar);
        var friday = TestPosts.Post("1") with { PublishedAt = new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.FromHours(3)) };

        var high = planner.Plan(friday, Classified(true, RiskLevel.High), null, [], friday.PublishedAt.AddDays(3))!;

        // 9 working hours from Friday 15:00: 3 on Friday, 4 + 2 on Monday around the lunch break → Monday 16:00
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 16, 0, 0, TimeSpan.FromHours(3)), high.Incident.DueAt);
    }

    [Fact]
    public void Plan_NotAnAppeal_OpensNothing() =>
        Assert.Null(Planner().Plan(TestPosts.Post("1"), Classified(false, RiskLevel.High), null, [], Now));

    [Fact]
    public void Plan_CommentWhenCommentsAreOff_OpensNothing()
    {
        var comment = TestPosts.Post("2", kind: PostKind.Comment, parentId: "1");
        Assert.Null(Planner(new IncidentOptions { OpenForComments = false }).Plan(comment, Classified(true, RiskLevel.Low), null, [], Now));
        Assert.NotNull(Planner().Plan(comment, Classified(true, RiskLevel.Low), null, [], Now));
    }

    [Fact]
    public void Plan_PublishedInTheFuture_ClockStartsNow()
    {
        var future = TestPosts.Post("1") with { PublishedAt = Now.AddDays(2) };
        var plan = Planner().Plan(future, Classified(true, RiskLevel.Low), null, [], Now);
        Assert.Equal(Now, plan!.Incident.OpenedAt);
    }

    [Fact]
    public void Plan_LocalityRule_RoutesToTerritorialAdministration()
    {
        var plan = Planner().Plan(TestPosts.Post("1"), Classified(true, RiskLevel.Low, "roads"), new LocalityMatch("ilovka", "с. Иловка", "иловке"), [], Now);
        Assert.Equal("ta-ilovka", plan!.Incident.RecipientId);
        Assert.Equal("ilovka", plan.Incident.LocalityId);
        Assert.StartsWith("правило", plan.Incident.RoutingReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_SectorPriority_RaisesALowRiskAppealButNeverLowersOne()
    {
        var options = new IncidentOptions { SectorPriority = { ["tko"] = "High" } };

        var rubbish = Planner(options).Plan(TestPosts.Post("1"), Classified(true, RiskLevel.Low, "tko"), null, [], Now)!;
        var critical = Planner(options).Plan(TestPosts.Post("2"), Classified(true, RiskLevel.Critical, "tko"), null, [], Now)!;
        var roads = Planner(options).Plan(TestPosts.Post("3"), Classified(true, RiskLevel.Low, "roads"), null, [], Now)!;

        Assert.Equal(Priority.High, rubbish.Incident.Priority);
        Assert.Equal(TestPosts.Published.AddHours(9), rubbish.Incident.DueAt);
        Assert.Equal(Priority.Critical, critical.Incident.Priority);
        Assert.Equal(Priority.Normal, roads.Incident.Priority);
    }

    [Fact]
    public void PlanByOfficer_NotAnAppealAndRecipientChosen_OpensNowWithTheOfficersRecipient()
    {
        var plan = Planner().PlanByOfficer(TestPosts.Post("1"), Classified(false, RiskLevel.High), null, [], Now, "ivanova", "gas");

        Assert.Equal(("gas", Now, Priority.High), (plan.Incident.RecipientId, plan.Incident.OpenedAt, plan.Incident.Priority));
        Assert.Equal(Now.AddHours(9), plan.Incident.DueAt);
        Assert.Contains("ivanova", plan.Incident.RoutingReason, StringComparison.Ordinal);
        Assert.Equal("zhkh", Planner().PlanByOfficer(TestPosts.Post("1"), Classified(true, RiskLevel.Low), null, [], Now, "ivanova").Incident.RecipientId);
    }
}
