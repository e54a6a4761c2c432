using System.Net;
using System.Text.RegularExpressions;
using Mcu.Monitor.Tests.TestSupport;
using Mcu.Monitor.Web.Accounts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Mcu.Monitor.Tests.Web;

/// <summary>Issue #8: nothing without a login, no change without an anti-forgery token, a read-only account changes nothing.</summary>
public sealed partial class WebConsoleSecurityTests : IAsyncLifetime
{
    /// <summary>The only routes open to anonymous requests, and why.</summary>
    private static readonly HashSet<string> OpenRoutes =
    [
        "GET /login",           // the login form itself
        "POST /account/login",  // signing in (still needs the form's anti-forgery token)
        "GET /health",          // probes: a status word, no data
        "GET /metrics",         // Prometheus: counters, no personal data
    ];

    private WebConsoleHarness _console = null!;

    public async Task InitializeAsync() => _console = await WebConsoleHarness.StartAsync();

    public async Task DisposeAsync() => await _console.DisposeAsync();

    [Fact]
    public async Task EveryPageAndApiRoute_RefusesAnAnonymousRequest()
    {
        using var anonymous = _console.Anonymous();
        var routes = Routes();
        Assert.True(routes.Count >= 20, $"only {routes.Count} routes found: is the enumeration broken?");
        Assert.Contains(routes, r => r.Path.StartsWith("/api/", StringComparison.Ordinal) && r.Method == "POST");
        Assert.Contains(routes, r => r.Template == "/openapi/{documentName}.json");

        foreach (var (method, template, path) in routes)
        {
            if (OpenRoutes.Contains($"{method} {template}"))
            {
                continue;
            }

            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method != "GET")
            {
                request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            }

            using var response = await anonymous.Http.SendAsync(request);
            if (path.StartsWith("/api/", StringComparison.Ordinal) || path.StartsWith("/openapi/", StringComparison.Ordinal))
            {
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path}: {(int)response.StatusCode}, expected 401");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{method} {path}: {(int)response.StatusCode}, expected a redirect to the login form");
                Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
                Assert.DoesNotContain("<main", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task OpenRoutes_AreExactlyTheListedOnes_AndShowNoData()
    {
        var open = new List<string>();
        using var anonymous = _console.Anonymous();
        foreach (var (method, template, path) in Routes().Where(r => r.Method == "GET"))
        {
            using var response = await anonymous.GetAsync(path);
            if (response.IsSuccessStatusCode)
            {
                open.Add($"{method} {template}");
            }
        }

        Assert.All(open, route => Assert.Contains(route, OpenRoutes));
        Assert.Contains("GET /login", open);
        Assert.Contains("GET /health", open);

        // The shared stylesheet and scripts are served to anyone (they hold no data); page templates are not files, and
        // any other address sends an anonymous visitor to the login form too.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/assets/app.js")).StatusCode);
        foreach (var path in new[] { "/pages/feed.html", "/pages/layout.html", "/wwwroot/pages/feed.html", "/assets/%2e%2e/pages/layout.html", "/no-such-page" })
        {
            using var response = await anonymous.GetAsync(path);
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
            Assert.DoesNotContain("{{", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AChange_WithoutTheAntiforgeryToken_IsRefused_AndWithItIsMade()
    {
        using var officer = await _console.SignInAsync(WebConsoleHarness.Officer);
        var incident = SeedIncident();

        using var refused = await officer.PostAsync($"/api/incidents/{incident}/take", withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("New", Status(incident));

        using var forged = await officer.Http.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/incidents/{incident}/take")
        {
            Headers = { { "X-CSRF-TOKEN", "forged-token" } },
            Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
        });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("New", Status(incident));

        using var made = await officer.PostAsync($"/api/incidents/{incident}/take");
        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        Assert.Equal("InProgress", Status(incident));
        Assert.Equal("officer:ivanova", Scalar($"SELECT actor FROM incident_events WHERE incident_id = {incident} AND type = 'taken'"));
    }

    [Fact]
    public async Task ALoginForm_WithoutItsToken_IsRefused()
    {
        using var anonymous = _console.Anonymous();
        using var response = await anonymous.Http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["login"] = WebConsoleHarness.Officer, ["password"] = WebConsoleHarness.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task AReadOnlyAccount_CanChangeNothing()
    {
        using var reader = await _console.SignInAsync(WebConsoleHarness.Reader);
        var incident = SeedIncident();
        var before = Fingerprint();
        var changes = Routes().Where(r => r.Method != "GET" && !r.Path.StartsWith("/account/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(changes);
        foreach (var (method, _, template) in changes)
        {
            var path = template.Replace("/1/", $"/{incident}/", StringComparison.Ordinal);
            using var response = await reader.PostAsync(path, new { recipientId = "roads", reason = "проверка", answerText = "сделано", sector = "roads", postKey = "vk:1:1", verdict = "Confirm" });
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path}: {(int)response.StatusCode}, expected 403");
        }

        Assert.Equal(before, Fingerprint());

        // …while reading works.
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/posts")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/feed")).StatusCode);
    }

    [Fact]
    public async Task TheHead_MayCloseOrReopen_ButNotTriageOrReassign()
    {
        using var head = await _console.SignInAsync(WebConsoleHarness.Head);
        var incident = SeedIncident();
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostAsync($"/api/incidents/{incident}/reassign", new { recipientId = "roads" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostAsync($"/api/incidents/{incident}/answer", new { answerText = "x" })).StatusCode);
        Execute($"UPDATE incidents SET status = 'Answered', answered_at = '2026-11-20T10:00:00.000Z' WHERE id = {incident}");
        Assert.Equal(HttpStatusCode.OK, (await head.PostAsync($"/api/incidents/{incident}/reopen", new { reason = "жители пишут, что не сделано" })).StatusCode);
        Assert.Equal("Reopened", Status(incident));
        Assert.Equal("head:glava", Scalar($"SELECT actor FROM incident_events WHERE incident_id = {incident} AND type = 'reopened'"));
    }

    [Fact]
    public async Task RepeatedFailedLogins_LockTheAccount_EvenAgainstTheRightPassword_WithoutEndingItsOpenSession_AndAreAudited()
    {
        using var working = await _console.SignInAsync(WebConsoleHarness.Reader);
        using var browser = _console.Anonymous();
        var answers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add((await browser.LoginAsync(WebConsoleHarness.Reader, "wrong-password-" + i)).Headers.Location!.ToString());
        }

        var right = await browser.LoginAsync(WebConsoleHarness.Reader, WebConsoleHarness.Password);
        answers.Add(right.Headers.Location!.ToString());
        Assert.All(answers, a => Assert.Equal("/login?error=invalid&returnUrl=%2F", a)); // a lock looks like any failure
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/feed")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await working.GetAsync("/api/me")).StatusCode); // the guesser does not throw the officer out

        Assert.Equal("5", Scalar("SELECT COUNT(*) FROM audit_log WHERE actor = 'console:reader' AND action = 'console.login.failed'"));
        Assert.Equal("1", Scalar("SELECT COUNT(*) FROM audit_log WHERE actor = 'console:reader' AND action = 'console.login.locked'"));
        Assert.Equal("1", Scalar("SELECT COUNT(*) FROM audit_log WHERE actor = 'console:reader' AND action = 'console.login.refused'"));
        Assert.Equal("0", Scalar("SELECT COUNT(*) FROM audit_log WHERE details LIKE '%wrong-password%' OR details LIKE '%correct-horse%'"));

        // The administrator lifts the lock.
        Assert.Null(_console.Service<ConsoleAccounts>().Unlock(WebConsoleHarness.Reader, "test"));
        using var again = await _console.SignInAsync(WebConsoleHarness.Reader);
    }

    [Fact]
    public async Task UnknownLoginAndWrongPassword_LookTheSame()
    {
        using var browser = _console.Anonymous();
        var unknown = await browser.LoginAsync("nobody", "whatever-password");
        var wrong = await browser.LoginAsync(WebConsoleHarness.Officer, "whatever-password");
        Assert.Equal(unknown.Headers.Location, wrong.Headers.Location);
    }

    [Theory]
    [InlineData("//evil.example/steal")]
    [InlineData("/\\evil.example/steal")]
    [InlineData("/\t/evil.example/steal")]
    [InlineData("https://evil.example/steal")]
    public async Task Login_NeverRedirectsOffSite(string returnUrl)
    {
        using var browser = _console.Anonymous();
        var response = await browser.LoginAsync(WebConsoleHarness.Officer, WebConsoleHarness.Password, returnUrl);
        Assert.Equal("/", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task ANewPassword_EndsTheAccountsSessions()
    {
        using var officer = await _console.SignInAsync(WebConsoleHarness.Officer);
        Assert.Null(_console.Service<ConsoleAccounts>().SetPassword(WebConsoleHarness.Officer, "another-password-2", "test"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await officer.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task ASession_EndsWhenItsAccountIsDisabled()
    {
        using var officer = await _console.SignInAsync(WebConsoleHarness.Officer);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/me")).StatusCode);
        Assert.Null(_console.Service<ConsoleAccounts>().SetDisabled(WebConsoleHarness.Officer, true, "test"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await officer.GetAsync("/api/me")).StatusCode);
        Assert.Null(_console.Service<ConsoleAccounts>().SetDisabled(WebConsoleHarness.Officer, false, "test"));
    }

    [Fact]
    public async Task TheSessionCookie_IsHttpOnlyAndSameSiteStrict()
    {
        using var browser = _console.Anonymous();
        var response = await browser.LoginAsync(WebConsoleHarness.Officer, WebConsoleHarness.Password);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mcu.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task BehindATlsProxyOnThisHost_CookiesAreSecure_AndTheAuditLogHasTheBrowsersAddress()
    {
        // The proxy says the browser came over https: the cookies set for that browser carry Secure.
        using var viaTls = _console.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/login") { Headers = { { "X-Forwarded-Proto", "https" } } };
        using var form = await viaTls.Http.SendAsync(request);
        Assert.Contains("secure", form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mcu.csrf=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);

        using var direct = _console.Anonymous();
        using var plain = await direct.GetAsync("/login");
        Assert.DoesNotContain("secure", plain.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mcu.csrf=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);

        // …and the browser's address, not the proxy's, goes to the audit log.
        using var forwarded = _console.Anonymous();
        forwarded.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        await forwarded.LoginAsync(WebConsoleHarness.Officer, WebConsoleHarness.Password);
        Assert.Equal("from 203.0.113.7", Scalar("SELECT details FROM audit_log WHERE action = 'console.login' ORDER BY id DESC LIMIT 1"));
    }

    [Fact]
    public async Task LoggingOut_EndsTheSession_EvenForACopiedCookie()
    {
        using var officer = await _console.SignInAsync(WebConsoleHarness.Officer);
        var session = officer.Handler.CookieContainer.GetCookies(_console.BaseAddress)[Mcu.Monitor.Web.WebConsoleSetup.CookieName]!.Value;
        var page = await officer.Http.GetStringAsync("/feed");
        var token = System.Net.WebUtility.HtmlDecode(FormToken().Match(page).Groups[1].Value);
        using var logout = await officer.Http.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__csrf"] = token }));
        Assert.Equal("/login", logout.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await officer.GetAsync("/api/me")).StatusCode);

        // Someone who copied the cookie before the log-out gets nothing with it either.
        using var thief = _console.Anonymous();
        thief.Handler.CookieContainer.Add(_console.BaseAddress, new System.Net.Cookie(Mcu.Monitor.Web.WebConsoleSetup.CookieName, session));
        Assert.Equal(HttpStatusCode.Unauthorized, (await thief.GetAsync("/api/me")).StatusCode);
    }

    /// <summary>Every endpoint of the running console: method, route template and a concrete path for it.</summary>
    private List<(string Method, string Template, string Path)> Routes()
    {
        var endpoints = _console.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var routes = new List<(string, string, string)>();
        foreach (var endpoint in endpoints)
        {
            var template = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var path = RouteParameter().Replace(template, m => m.Groups[2].Value is ":long" or ":int" ? "1" : m.Groups[1].Value == "chart" ? "volume" : "x");
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                routes.Add((method, template, path));
            }
        }

        return routes;
    }

    private long SeedIncident()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        var key = "vk:-1:" + Guid.NewGuid().ToString("N");
        command.CommandText = $"""
            INSERT INTO posts (key, municipality, network, source_id, kind, published_at, text, content_hash, stored_at)
            VALUES ('{key}', 'alekseevsky-go', 'vk', 'test', 'Post', '2026-11-20T09:00:00.000Z', 'Нет воды на Мира 5', 'h', '2026-11-20T09:00:00.000Z');
            INSERT INTO incidents (municipality, post_key, sector, recipient_id, priority, risk_level, status, opened_at, due_at, routing_reason, updated_at, answer_due_at, clock_started_at)
            VALUES ('alekseevsky-go', '{key}', 'zhkh', 'zhkh', 'Normal', 'Low', 'New', '2026-11-20T09:00:00.000Z', '2026-11-21T09:00:00.000Z', 'test', '2026-11-20T09:00:00.000Z', '2026-11-23T09:00:00.000Z', '2026-11-20T09:00:00.000Z');
            INSERT INTO incident_posts (incident_id, municipality, post_key, added_at) VALUES (last_insert_rowid(), 'alekseevsky-go', '{key}', '2026-11-20T09:00:00.000Z');
            SELECT incident_id FROM incident_posts WHERE post_key = '{key}';
            """;
        return (long)command.ExecuteScalar()!;
    }

    private string Status(long incident) => Scalar($"SELECT status FROM incidents WHERE id = {incident}")!;

    /// <summary>Row counts of every table a change could touch.</summary>
    private string Fingerprint() => Scalar("""
        SELECT (SELECT COUNT(*) FROM incident_events) || '/' || (SELECT COUNT(*) FROM alert_outbox) || '/' || (SELECT COUNT(*) FROM training_feedback)
            || '/' || (SELECT group_concat(status || recipient_id) FROM incidents) || '/' || (SELECT COUNT(*) FROM index_outbox)
            || '/' || (SELECT group_concat(sector || is_appeal || risk_level) FROM classifications)
        """)!;

    private string? Scalar(string sql) => _console.Scalar(sql);

    private void Execute(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={_console.DatabasePath};Pooling=False");
        connection.Open();
        return connection;
    }

    [GeneratedRegex("\\{(\\w+)(:[^}]*)?\\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
