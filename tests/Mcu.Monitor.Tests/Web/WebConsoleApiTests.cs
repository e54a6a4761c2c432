using System.Net;
using Mcu.Monitor.Tests.TestSupport;

namespace Mcu.Monitor.Tests.Web;

/// <summary>The console's JSON API over the sample feed: what the pages read, and moves recorded with the officer as actor.</summary>
public sealed class WebConsoleApiTests(WebConsoleApiTests.SampleConsole fixture) : IClassFixture<WebConsoleApiTests.SampleConsole>
{
    [Fact]
    public async Task Posts_AreFilteredBySectorRiskAndAppeal_NewestFirst()
    {
        using var reader = await fixture.Console.SignInAsync(WebConsoleHarness.Reader);
        var all = await reader.GetJsonAsync("/api/posts?limit=200");
        Assert.True(all.GetProperty("total").GetInt64() >= 300);

        var roads = await reader.GetJsonAsync("/api/posts?sector=roads&appeal=true&risk=Medium&limit=200");
        var posts = roads.GetProperty("posts").EnumerateArray().ToList();
        Assert.NotEmpty(posts);
        Assert.All(posts, p =>
        {
            Assert.Equal("roads", p.GetProperty("sector").GetString());
            Assert.True(p.GetProperty("appeal").GetBoolean());
            Assert.NotEqual("Low", p.GetProperty("riskLevel").GetString());
        });
        var times = posts.Select(p => p.GetProperty("publishedAt").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);

        var words = await reader.GetJsonAsync("/api/posts?q=" + Uri.EscapeDataString("воды"));
        Assert.NotEmpty(words.GetProperty("posts").EnumerateArray());
        Assert.All(words.GetProperty("posts").EnumerateArray(), p => Assert.Contains("вод", p.GetProperty("excerpt").GetString()!, StringComparison.OrdinalIgnoreCase));

        using var bad = await reader.GetAsync("/api/posts?risk=extreme");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Posts_ArePaged_AndFilteredByWholeDaysOfTheMunicipality()
    {
        using var reader = await fixture.Console.SignInAsync(WebConsoleHarness.Reader);
        var first = (await reader.GetJsonAsync("/api/posts?limit=50")).GetProperty("posts").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
        var second = (await reader.GetJsonAsync("/api/posts?limit=50&offset=50")).GetProperty("posts").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
        Assert.Equal(50, first.Count);
        Assert.Equal(50, second.Count);
        Assert.Empty(first.Intersect(second));

        var moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
        var newest = (await reader.GetJsonAsync("/api/posts?limit=1")).GetProperty("posts")[0].GetProperty("publishedAt").GetDateTimeOffset();
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(newest, moscow).DateTime);
        var sameDay = await reader.GetJsonAsync($"/api/posts?limit=200&from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}");
        var posts = sameDay.GetProperty("posts").EnumerateArray().ToList();
        Assert.NotEmpty(posts);
        Assert.All(posts, p => Assert.Equal(day, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(p.GetProperty("publishedAt").GetDateTimeOffset(), moscow).DateTime)));
        var expected = fixture.Scalar($"SELECT COUNT(*) FROM posts WHERE published_at >= '{TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), moscow):yyyy-MM-ddTHH:mm:ss}' AND published_at < '{TimeZoneInfo.ConvertTimeToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), moscow):yyyy-MM-ddTHH:mm:ss}'");
        Assert.Equal(expected, sameDay.GetProperty("total").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Reassigning_AnIncident_IsAnEventWithTheOfficer_AndAlertsTheNewRecipient()
    {
        using var officer = await fixture.Console.SignInAsync(WebConsoleHarness.Officer);
        var incident = fixture.OpenIncident("zhkh");
        var result = await officer.PostJsonAsync($"/api/incidents/{incident}/reassign", new { recipientId = "roads", reason = "это дорога, не ЖКХ" });
        Assert.True(result.GetProperty("applied").GetBoolean());

        Assert.Equal("roads", fixture.Scalar($"SELECT recipient_id FROM incidents WHERE id = {incident}"));
        Assert.Equal("officer:ivanova|zhkh → roads: это дорога, не ЖКХ",
            fixture.Scalar($"SELECT actor || '|' || details FROM incident_events WHERE incident_id = {incident} AND type = 'reassigned'"));
        Assert.Equal("1", fixture.Scalar($"SELECT COUNT(*) FROM alert_outbox WHERE incident_id = {incident} AND kind = 'incident.reassigned' AND recipient_id = 'roads'"));

        using var refused = await officer.PostAsync($"/api/incidents/{incident}/reassign", new { recipientId = "nobody" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("не найден", (await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recipients_Rating_AndDictionaries_AreServed()
    {
        using var reader = await fixture.Console.SignInAsync(WebConsoleHarness.Reader);
        var registry = await reader.GetJsonAsync("/api/recipients");
        Assert.Contains(registry.EnumerateArray(), r => r.GetProperty("id").GetString() == "zhkh" && r.GetProperty("openIncidents").GetInt32() > 0);

        var rating = await reader.GetJsonAsync("/api/rating?from=2026-11-01&to=2026-11-30");
        Assert.NotEmpty(rating.GetProperty("rows").EnumerateArray());
        using var badPeriod = await reader.GetAsync("/api/rating?from=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, badPeriod.StatusCode);

        var dictionaries = await reader.GetJsonAsync("/api/dictionaries");
        Assert.Contains(dictionaries.GetProperty("sectors").EnumerateArray(), s => s.GetProperty("id").GetString() == "other");
        Assert.Equal(4, dictionaries.GetProperty("riskLevels").GetArrayLength());
        Assert.NotEmpty(dictionaries.GetProperty("localities").EnumerateArray());

        var me = await reader.GetJsonAsync("/api/me");
        Assert.False(me.GetProperty("canChange").GetBoolean());
    }

    [Fact]
    public async Task Summary_HasTheWeeklyNotesHeadline_AndItsChartsAsPng()
    {
        using var head = await fixture.Console.SignInAsync(WebConsoleHarness.Head);
        var summary = await head.GetJsonAsync("/api/summary?week=2026-W47");
        Assert.Equal("2026-W47", summary.GetProperty("week").GetString());
        Assert.Equal(7, summary.GetProperty("figures").GetArrayLength());
        var charts = summary.GetProperty("charts").EnumerateArray().ToList();
        Assert.Equal(3, charts.Count);
        foreach (var chart in charts)
        {
            using var png = await head.GetAsync(chart.GetProperty("url").GetString()!);
            Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
            var bytes = await png.Content.ReadAsByteArrayAsync();
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await head.GetAsync("/api/summary?week=2026-W60")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync("/api/summary/charts/nothing.png?week=2026-W47")).StatusCode);
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesTheApi()
    {
        using var reader = await fixture.Console.SignInAsync(WebConsoleHarness.Reader);
        var document = await reader.GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var path in new[] { "/api/posts", "/api/recipients", "/api/rating", "/api/summary", "/api/incidents/{id}/reassign", "/api/dictionaries" })
        {
            Assert.Contains(path, paths);
        }

        Assert.DoesNotContain(paths, p => p.StartsWith("/account", StringComparison.Ordinal) || p == "/feed");

        // The authorisation is described: the session everywhere, the anti-forgery header and 403 on changes.
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("cookie", schemes.GetProperty("session").GetProperty("in").GetString());
        Assert.Equal("X-CSRF-TOKEN", schemes.GetProperty("antiforgery").GetProperty("name").GetString());
        var reassign = document.GetProperty("paths").GetProperty("/api/incidents/{id}/reassign").GetProperty("post");
        var required = reassign.GetProperty("security")[0].EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["session", "antiforgery"], required);
        Assert.True(reassign.GetProperty("responses").TryGetProperty("403", out _));
        var posts = document.GetProperty("paths").GetProperty("/api/posts").GetProperty("get");
        Assert.Equal(["session"], posts.GetProperty("security")[0].EnumerateObject().Select(p => p.Name).ToList());
        Assert.True(posts.GetProperty("responses").TryGetProperty("401", out _));
    }

    [Fact]
    public async Task Health_AnswersWithoutALogin()
    {
        using var anonymous = fixture.Console.Anonymous();
        using var response = await anonymous.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Metrics_AreServedInThePrometheusFormat_WithoutALogin()
    {
        using var anonymous = fixture.Console.Anonymous();
        using var response = await anonymous.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var text = await response.Content.ReadAsStringAsync();
        foreach (var family in new[] { "mcu_alert_outbox_pending", "mcu_incidents_overdue", "mcu_incidents_open", "mcu_index_outbox_pending", "mcu_build_info" })
        {
            Assert.Contains($"# TYPE {family} ", text, StringComparison.Ordinal);
        }

        var open = fixture.Scalar("SELECT COUNT(*) FROM incidents WHERE status IN ('New', 'Assigned', 'InProgress', 'Reassigned', 'Reopened')");
        Assert.Contains($"\nmcu_incidents_open {open}\n", text, StringComparison.Ordinal);
    }

    /// <summary>One console over the sample feed for the whole class (importing it takes a few seconds).</summary>
    public sealed class SampleConsole : IAsyncLifetime
    {
        public WebConsoleHarness Console { get; private set; } = null!;

        public async Task InitializeAsync() => Console = await WebConsoleHarness.StartAsync(withSampleFeed: true);

        public async Task DisposeAsync() => await Console.DisposeAsync();

        /// <summary>An open incident of the recipient not yet used by another test.</summary>
        public long OpenIncident(string recipient)
        {
            lock (this)
            {
                var id = long.Parse(Scalar($"""
                    SELECT MIN(id) FROM incidents WHERE recipient_id = '{recipient}' AND status = 'New'
                      AND id NOT IN (SELECT incident_id FROM incident_events WHERE actor LIKE 'officer:%' OR actor LIKE 'head:%')
                    """)!, System.Globalization.CultureInfo.InvariantCulture);
                return id;
            }
        }

        public string? Scalar(string sql) => Console.Scalar(sql);
    }
}
