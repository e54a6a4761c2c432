using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Mcu.Monitor.Hosting;
using Mcu.Monitor.Querying;
using Mcu.Monitor.Web.Accounts;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mcu.Monitor.Benchmarks;

/// <summary>
/// The web console over a benchmark's database, on a free loopback port, with a signed-in read-only session: <c>bench
/// console</c> asks it for the same feed pages as a browser would (<c>/api/posts</c>), so the time includes routing,
/// authorisation, the query and JSON.
/// </summary>
public sealed partial class ConsoleHttpClient : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly HttpClient _http;

    private ConsoleHttpClient(IHost host, HttpClient http) => (_host, _http) = (host, http);

    public static async Task<ConsoleHttpClient> StartAsync(IDictionary<string, string?> overrides, string? configFile)
    {
        var settings = new Dictionary<string, string?>(overrides) { ["WebConsole:Urls"] = "http://127.0.0.1:0" };
        var host = AppHost.Build(new AppHostSettings { WebConsole = true, ConfigFile = configFile, Overrides = settings, AlertOutput = TextWriter.Null });
        AppHost.Prepare(host);
        var accounts = host.Services.GetRequiredService<ConsoleAccounts>();
        var login = "bench-" + Guid.NewGuid().ToString("N")[..8];
        var password = Guid.NewGuid().ToString("N");
        if (accounts.Create(login, "bench", ConsoleRole.ReadOnly, password, "bench") is { } error)
        {
            throw new InvalidOperationException(error);
        }

        await host.StartAsync();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(address) };
        var form = await http.GetStringAsync(new Uri("/login", UriKind.Relative));
        using var signIn = await http.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__csrf"] = WebUtility.HtmlDecode(FormToken().Match(form).Groups[1].Value), ["login"] = login, ["password"] = password, ["returnUrl"] = "/",
        }));
        if (signIn.Headers.Location?.ToString() != "/")
        {
            throw new InvalidOperationException("the benchmark account could not sign in: " + signIn.Headers.Location);
        }

        return new ConsoleHttpClient(host, http);
    }

    /// <summary>Fetches the feed page of <paramref name="query"/> and returns its body's length (read whole, as a browser would).</summary>
    public async Task<int> FeedPageAsync(PostQuery query, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri("/api/posts?" + QueryString(query, zone), UriKind.Relative), cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync(cancellationToken)).Length;
    }

    /// <summary>The console's query string for a feed query; a period becomes whole days in the municipality's zone, as the page sends it.</summary>
    public static string QueryString(PostQuery query, TimeZoneInfo zone)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                parts.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }

        static string Day(DateTimeOffset instant, TimeZoneInfo zone) =>
            TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        Add("sector", query.Sector);
        Add("risk", query.MinRisk);
        Add("locality", query.Locality);
        Add("network", query.Network);
        Add("appeal", query.Appeal is { } appeal ? (appeal ? "true" : "false") : null);
        Add("q", query.Text);
        Add("from", query.From is { } from ? Day(from, zone) : null);
        Add("to", query.To is { } to ? Day(to, zone) : null);
        Add("offset", query.Offset.ToString(CultureInfo.InvariantCulture));
        Add("limit", query.Limit.ToString(CultureInfo.InvariantCulture));
        return string.Join('&', parts);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _host.StopAsync();
        _host.Dispose();
    }

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
