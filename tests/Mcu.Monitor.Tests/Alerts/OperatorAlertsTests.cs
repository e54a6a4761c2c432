using Mcu.Monitor.Alerts;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Mcu.Monitor.Tests.Alerts;

public class OperatorAlertsTests
{
    [Fact]
    public void Raise_SameKeyWithinQuietPeriod_SentOnceThenAgainAfterIt()
    {
        var time = new FakeTimeProvider();
        using var output = new StringWriter();
        var alerts = new OperatorAlerts(output, time, NullLogger<OperatorAlerts>.Instance);

        alerts.Raise("vk-token", "токен VK отозван");
        alerts.Raise("vk-token", "токен VK отозван");
        alerts.Raise("ok-keys", "ключи OK неверны");
        time.Advance(OperatorAlerts.QuietPeriod);
        alerts.Raise("vk-token", "токен VK отозван");

        var lines = output.ToString().Trim().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal(2, lines.Count(l => l.Contains("[vk-token]", StringComparison.Ordinal)));
    }
}
