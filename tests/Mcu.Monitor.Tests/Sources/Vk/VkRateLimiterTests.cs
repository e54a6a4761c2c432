using Mcu.Monitor.Sources.Vk;
using Microsoft.Extensions.Time.Testing;

namespace Mcu.Monitor.Tests.Sources.Vk;

public class VkRateLimiterTests
{
    [Fact]
    public async Task WaitAsync_MoreThanTheRate_WaitsForTheWindow()
    {
        var time = new FakeTimeProvider();
        using var limiter = new VkRateLimiter(3, time);
        for (var i = 0; i < 3; i++)
        {
            (await limiter.AcquireAsync(CancellationToken.None)).Dispose();
        }

        var fourth = limiter.AcquireAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(fourth.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1) + VkRateLimiter.SafetyMargin - TimeSpan.FromMilliseconds(999));
        await fourth.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(fourth.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task AcquireAsync_RequestsStillInFlight_HoldTheirSlots()
    {
        var time = new FakeTimeProvider();
        using var limiter = new VkRateLimiter(1, time);
        var inFlight = await limiter.AcquireAsync(CancellationToken.None);

        var next = limiter.AcquireAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.False(next.IsCompleted);

        inFlight.Dispose(); // the response arrived now: the window starts here
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(next.IsCompleted);
        time.Advance(VkRateLimiter.SafetyMargin + TimeSpan.FromMilliseconds(20));
        (await next.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }
}
