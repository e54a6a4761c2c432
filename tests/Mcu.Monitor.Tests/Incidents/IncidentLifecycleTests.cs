using Mcu.Monitor.Domain;
using Mcu.Monitor.Incidents;

namespace Mcu.Monitor.Tests.Incidents;

public sealed class IncidentLifecycleTests
{
    [Theory]
    [InlineData(IncidentStatus.New, IncidentAction.Assign, IncidentStatus.Assigned)]
    [InlineData(IncidentStatus.New, IncidentAction.TakeInWork, IncidentStatus.InProgress)]
    [InlineData(IncidentStatus.Assigned, IncidentAction.TakeInWork, IncidentStatus.InProgress)]
    [InlineData(IncidentStatus.InProgress, IncidentAction.Answer, IncidentStatus.Answered)]
    [InlineData(IncidentStatus.New, IncidentAction.Answer, IncidentStatus.Answered)]
    [InlineData(IncidentStatus.Answered, IncidentAction.Close, IncidentStatus.Closed)]
    [InlineData(IncidentStatus.Rejected, IncidentAction.Close, IncidentStatus.Closed)]
    [InlineData(IncidentStatus.InProgress, IncidentAction.Reject, IncidentStatus.Rejected)]
    [InlineData(IncidentStatus.Rejected, IncidentAction.Reassign, IncidentStatus.Reassigned)]
    [InlineData(IncidentStatus.Reassigned, IncidentAction.TakeInWork, IncidentStatus.InProgress)]
    [InlineData(IncidentStatus.Answered, IncidentAction.Reopen, IncidentStatus.Reopened)]
    [InlineData(IncidentStatus.Closed, IncidentAction.Reopen, IncidentStatus.Reopened)]
    [InlineData(IncidentStatus.Reopened, IncidentAction.TakeInWork, IncidentStatus.InProgress)]
    [InlineData(IncidentStatus.New, IncidentAction.Dismiss, IncidentStatus.Closed)]
    [InlineData(IncidentStatus.Rejected, IncidentAction.Dismiss, IncidentStatus.Closed)]
    [InlineData(IncidentStatus.InProgress, IncidentAction.MergedInto, IncidentStatus.Closed)]
    [InlineData(IncidentStatus.Rejected, IncidentAction.MergedInto, IncidentStatus.Closed)]
    public void Next_AllowedMoves(IncidentStatus from, IncidentAction action, IncidentStatus to) =>
        Assert.Equal(to, IncidentLifecycle.Next(from, action));

    [Theory]
    [InlineData(IncidentStatus.InProgress, IncidentAction.TakeInWork)] // a button pressed twice
    [InlineData(IncidentStatus.Answered, IncidentAction.Answer)]
    [InlineData(IncidentStatus.Closed, IncidentAction.TakeInWork)]
    [InlineData(IncidentStatus.New, IncidentAction.Close)]
    [InlineData(IncidentStatus.New, IncidentAction.Reopen)]
    [InlineData(IncidentStatus.Rejected, IncidentAction.Answer)]
    [InlineData(IncidentStatus.Closed, IncidentAction.Reject)]
    [InlineData(IncidentStatus.InProgress, IncidentAction.Assign)]
    [InlineData(IncidentStatus.Answered, IncidentAction.Dismiss)]
    [InlineData(IncidentStatus.Closed, IncidentAction.MergedInto)]
    public void Next_RefusedMoves(IncidentStatus from, IncidentAction action) =>
        Assert.Null(IncidentLifecycle.Next(from, action));

    [Fact]
    public void Next_DismissAndMergedInto_CloseEveryOpenOrRejectedIncidentAndNothingElse()
    {
        foreach (var action in new[] { IncidentAction.Dismiss, IncidentAction.MergedInto })
        {
            foreach (var from in Enum.GetValues<IncidentStatus>())
            {
                var expected = IncidentLifecycle.IsOpen(from) || from == IncidentStatus.Rejected ? IncidentStatus.Closed : (IncidentStatus?)null;
                Assert.True(expected == IncidentLifecycle.Next(from, action), $"{from} + {action}");
            }
        }
    }

    [Fact]
    public void EventType_EveryAction_HasItsOwn()
    {
        var types = Enum.GetValues<IncidentAction>().Select(IncidentLifecycle.EventType).ToList();

        Assert.Equal(types.Count, types.Distinct().Count());
        Assert.Equal("dismissed", IncidentLifecycle.EventType(IncidentAction.Dismiss));
        Assert.Equal("merged_into", IncidentLifecycle.EventType(IncidentAction.MergedInto));
    }

    [Fact]
    public void RunningClock_ReactionUntilTheFirstReactionThenAnswer()
    {
        Assert.Equal(DeadlineClock.Reaction, IncidentLifecycle.RunningClock(IncidentStatus.New, reacted: false));
        Assert.Equal(DeadlineClock.Answer, IncidentLifecycle.RunningClock(IncidentStatus.InProgress, reacted: true));
        Assert.Equal(DeadlineClock.Reaction, IncidentLifecycle.RunningClock(IncidentStatus.Reopened, reacted: false));
        Assert.Null(IncidentLifecycle.RunningClock(IncidentStatus.Answered, reacted: true));
        Assert.Null(IncidentLifecycle.RunningClock(IncidentStatus.Rejected, reacted: false));
    }
}
