using System.Globalization;
using System.Text;

namespace Mcu.Monitor.Sources.Vk;

/// <summary>
/// Builds the VKScript for <c>execute</c> (dev.vk.com/ru/execute): one <c>API.wall.get</c> per wall, results
/// returned as an array in request order, so a failed call's <c>false</c> sits at its own index. Only numbers
/// are spliced into the script, so nothing configured can change its meaning.
/// </summary>
internal static class VkExecuteScript
{
    /// <summary>"не более 25 обращений к методам API" per <c>execute</c> (PLATFORM-APIS.md §1.10).</summary>
    public const int MaxCalls = 25;

    public static string WallGet(IReadOnlyList<VkWallRequest> requests)
    {
        ArgumentOutOfRangeException.ThrowIfZero(requests.Count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(requests.Count, MaxCalls);
        var script = new StringBuilder();
        for (var i = 0; i < requests.Count; i++)
        {
            var r = requests[i];
            script.Append(CultureInfo.InvariantCulture,
                $"var r{i}=API.wall.get({{\"owner_id\":{r.OwnerId},\"offset\":{r.Offset},\"count\":{r.Count},\"extended\":1}});");
        }

        script.Append("return [");
        for (var i = 0; i < requests.Count; i++)
        {
            script.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $"r{i}");
        }

        return script.Append("];").ToString();
    }
}
