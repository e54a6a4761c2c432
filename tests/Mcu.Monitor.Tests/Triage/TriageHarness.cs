using Mcu.Monitor.Domain;
using Mcu.Monitor.Incidents;
using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Routing;
using Mcu.Monitor.Tests.TestSupport;
using Mcu.Monitor.Text;
using Mcu.Monitor.Triage;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Tests.Triage;

/// <summary>
/// The console's triage over <see cref="IncidentHarness"/> (temporary SQLite store, shipped routing and calendar, fake
/// clock): appeals are stored through the real store with incidents planned by the real planner, as the pipeline does.
/// </summary>
public sealed class TriageHarness : IDisposable
{
    public const string Officer = "ivanova";

    public TriageHarness(DateTimeOffset now)
    {
        Incidents = new IncidentHarness(now);
        var router = new Router(Incidents.Routing);
        Planner = new IncidentPlanner(new IncidentOptions(), router, Incidents.Calendar, Incidents.Clock);
        var municipality = Options.Create(new MunicipalityOptions { Id = "test-mun" });
        Service = new TriageService(Incidents.Store.Database, Planner, Incidents.Transitions, municipality,
            Options.Create(TestConfiguration.Classification()), Options.Create(Incidents.Routing), Incidents.Time);
        Queue = new TriageQueue(Incidents.Store.Database, router, municipality);
        Board = new IncidentBoard(Incidents.Store.Database, municipality, Incidents.Time);
    }

    public IncidentHarness Incidents { get; }

    public IncidentPlanner Planner { get; }

    public TriageService Service { get; }

    public TriageQueue Queue { get; }

    public IncidentBoard Board { get; }

    /// <summary>
    /// Stores a post published <paramref name="minutesAgo"/> before now; an appeal opens its incident through the
    /// planner unless <paramref name="withIncident"/> is false (as for comments when incidents are not opened for them).
    /// </summary>
    public async Task<string> PostAsync(string id, string text = "Нет воды в доме", bool appeal = true, RiskLevel risk = RiskLevel.Medium,
        int minutesAgo = 0, bool withIncident = true, string municipality = "test-mun", string sector = "zhkh")
    {
        var now = Incidents.Time.GetUtcNow();
        var processed = TestPosts.Processed(id, appeal, sector);
        var post = processed.Post with { Text = text, PublishedAt = now.AddMinutes(-minutesAgo), Municipality = municipality };
        var classification = processed.Classification with { Risk = risk };
        var plan = appeal && withIncident ? Planner.Plan(post, classification, null, Tokenizer.Tokenize(TextNormalizer.ForMatching(text)), now) : null;
        await Incidents.Store.Store.CommitAsync("file:test", [processed with { Post = post, Classification = classification, Incident = plan }], null, CancellationToken.None);
        return post.Key.ToString();
    }

    public long IncidentOf(string postKey) => Incidents.Store.Count($"SELECT id FROM incidents WHERE post_key = '{postKey}'");

    public TriageResult Apply(string postKey, TriageVerdict verdict, string? sector = null, string? risk = null, string? recipient = null, long? mergeInto = null) =>
        Service.Apply(new TriageDecision(postKey, verdict, Officer) { Sector = sector, RiskLevel = risk, RecipientId = recipient, MergeIntoIncidentId = mergeInto });

    /// <summary>Now as stored in the database.</summary>
    public string DbNow => Mcu.Monitor.Storage.SqliteDatabase.ToDb(Incidents.Time.GetUtcNow());

    public string Scalar(string sql) => Incidents.Scalar(sql);

    public long Count(string sql) => Incidents.Store.Count(sql);

    /// <summary>The incident's event types in order, with their actors: <c>opened:system,assigned:ivanova</c>.</summary>
    public string Events(long incidentId) =>
        Scalar($"SELECT group_concat(type || ':' || actor) FROM (SELECT type, actor FROM incident_events WHERE incident_id = {incidentId} ORDER BY id)");

    public void Dispose() => Incidents.Dispose();
}
