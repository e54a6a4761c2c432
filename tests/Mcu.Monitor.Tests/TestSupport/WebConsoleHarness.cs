using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mcu.Monitor.Hosting;
using Mcu.Monitor.Web.Accounts;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mcu.Monitor.Tests.TestSupport;

/// <summary>
/// The worker's web console on a free loopback port over a temporary database, with one account per role
/// (password <see cref="Password"/>) and, when asked, the sample feed imported. Clients are real HTTP clients
/// with their own cookie jars, as browsers would be.
/// </summary>
public sealed partial class WebConsoleHarness : IAsyncDisposable
{
    public const string Password = "correct-horse-1";
    public const string Officer = "ivanova";
    public const string Head = "glava";
    public const string Reader = "reader";

    private readonly CliRunner _cli = new();
    private IHost? _host;

    public IHost Host => _host ?? throw new InvalidOperationException("not started");

    public Uri BaseAddress { get; private set; } = null!;

    public string DatabasePath => _cli.DatabasePath;

    public IDictionary<string, string?> Settings => _cli.Settings;

    public static async Task<WebConsoleHarness> StartAsync(bool withSampleFeed = false, IDictionary<string, string?>? settings = null)
    {
        var harness = new WebConsoleHarness();
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            harness._cli.Settings[key] = value;
        }

        if (withSampleFeed)
        {
            var run = await harness._cli.RunAsync("run", "--once");
            Assert.True(run.ExitCode == 0, run.Error);
        }

        harness._host = AppHost.Build(new AppHostSettings { WebConsole = true, Overrides = harness._cli.Settings, AlertOutput = TextWriter.Null });
        AppHost.Prepare(harness._host);
        var accounts = harness._host.Services.GetRequiredService<ConsoleAccounts>();
        Assert.Null(accounts.Create(Officer, "Иванова А. П.", ConsoleRole.Officer, Password, "test"));
        Assert.Null(accounts.Create(Head, "Глава округа", ConsoleRole.Head, Password, "test"));
        Assert.Null(accounts.Create(Reader, "Наблюдатель", ConsoleRole.ReadOnly, Password, "test"));
        await harness._host.StartAsync();
        var address = harness._host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        harness.BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return harness;
    }

    public T Service<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    /// <summary>One value from the console's database, as text (what the tests compare).</summary>
    public string? Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A client with an empty cookie jar that does not follow redirects.</summary>
    public ConsoleClient Anonymous()
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        return new ConsoleClient(new HttpClient(handler) { BaseAddress = BaseAddress }, handler);
    }

    /// <summary>A client signed in as <paramref name="login"/>, holding the anti-forgery token of its session.</summary>
    public async Task<ConsoleClient> SignInAsync(string login, string password = Password)
    {
        var client = Anonymous();
        var response = await client.LoginAsync(login, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && !response.Headers.Location!.ToString().Contains("error", StringComparison.Ordinal),
            $"login of {login} failed: {response.StatusCode} {response.Headers.Location}");
        await client.RefreshTokenAsync();
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        _cli.Dispose();
    }

    public sealed partial class ConsoleClient(HttpClient http, HttpClientHandler handler) : IDisposable
    {
        public HttpClient Http => http;

        public HttpClientHandler Handler => handler;

        /// <summary>The anti-forgery token of the current session (from a page's meta tag), sent as X-CSRF-TOKEN.</summary>
        public string? Token { get; private set; }

        public async Task<HttpResponseMessage> LoginAsync(string login, string password, string returnUrl = "/")
        {
            var page = await http.GetStringAsync("/login");
            var token = FormToken().Match(page).Groups[1].Value;
            return await http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__csrf"] = WebUtility.HtmlDecode(token), ["login"] = login, ["password"] = password, ["returnUrl"] = returnUrl,
            }));
        }

        public async Task RefreshTokenAsync()
        {
            var page = await http.GetStringAsync("/feed");
            Token = WebUtility.HtmlDecode(MetaToken().Match(page).Groups[1].Value);
            Assert.False(string.IsNullOrEmpty(Token), "no anti-forgery token on the page");
        }

        public Task<HttpResponseMessage> GetAsync(string path) => http.GetAsync(path);

        public async Task<JsonElement> GetJsonAsync(string path)
        {
            var response = await http.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
            return JsonDocument.Parse(body).RootElement.Clone();
        }

        /// <summary>POSTs JSON; with the session's token unless <paramref name="withToken"/> is false.</summary>
        public Task<HttpResponseMessage> PostAsync(string path, object? body = null, bool withToken = true)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path)
            {
                Content = new StringContent(JsonSerializer.Serialize(body ?? new { }), Encoding.UTF8, "application/json"),
            };
            if (withToken && Token is not null)
            {
                request.Headers.Add("X-CSRF-TOKEN", Token);
            }

            return http.SendAsync(request);
        }

        public async Task<JsonElement> PostJsonAsync(string path, object? body = null)
        {
            var response = await PostAsync(path, body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
            return JsonDocument.Parse(text).RootElement.Clone();
        }

        public void Dispose() => http.Dispose();

        [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
        private static partial Regex FormToken();

        [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\">")]
        private static partial Regex MetaToken();
    }
}
