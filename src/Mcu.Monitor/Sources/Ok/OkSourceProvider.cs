using Mcu.Monitor.Alerts;
using Mcu.Monitor.Municipalities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Sources.Ok;

/// <summary>The configured Odnoklassniki groups (<c>Sources:Ok:Groups</c>), each a source <c>ok:group:&lt;gid&gt;</c>.</summary>
internal sealed class OkSourceProvider(
    IOptions<OkOptions> options,
    IOptions<MunicipalityOptions> municipality,
    OkApiClient client,
    IOperatorAlerts alerts,
    TimeProvider time,
    ILoggerFactory loggerFactory) : ISourceProvider
{
    public IEnumerable<SourceDefinition> Sources()
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            return [];
        }

        return o.Groups
            .Where(g => g.Enabled)
            .Select(g => new SourceDefinition(OkGroupSource.SourceId(g.Id), o.PollInterval, () => Create(g))
            {
                Type = "ok",
                Address = $"https://ok.ru/group/{g.Id}",
                DisplayName = string.IsNullOrWhiteSpace(g.Name) ? $"OK {g.Id}" : g.Name,
            })
            .ToList();
    }

    public IPostSource Create(OkGroupOptions group) =>
        new OkGroupSource(group, options.Value, municipality.Value.Id, client, alerts, time, loggerFactory.CreateLogger<OkGroupSource>());
}
