using System.Net;

namespace Mcu.Monitor.Web;

/// <summary>Start-up rules of <see cref="WebConsoleOptions"/> that DataAnnotations cannot say.</summary>
public static class ConsoleRules
{
    public static IEnumerable<string> Validate(WebConsoleOptions o)
    {
        const string key = WebConsoleOptions.SectionName;
        foreach (var url in o.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || uri.AbsolutePath != "/" || !string.IsNullOrEmpty(uri.Query))
            {
                yield return $"{key}:Urls = '{o.Urls}': '{url}' is not an address such as http://127.0.0.1:5080";
                continue;
            }

            if (!o.AllowRemote && !IsLoopback(uri.Host))
            {
                yield return $"{key}:Urls = '{o.Urls}': '{uri.Host}' is not a loopback address; set {key}:AllowRemote = true to serve the console to other machines (and put it behind TLS)";
            }
        }

        if (o.AllowRemote && o.SecureCookies is null)
        {
            yield return $"{key}:SecureCookies = '': must be set when {key}:AllowRemote is true — true behind TLS (the usual case), false only when the "
                + "port is reachable from this host alone (as in the compose file, which publishes it on the host's loopback)";
        }

        if (o.SessionLifetime <= TimeSpan.Zero)
        {
            yield return $"{key}:SessionLifetime = '{o.SessionLifetime}': must be positive";
        }

        if (o.LockoutDuration <= TimeSpan.Zero)
        {
            yield return $"{key}:LockoutDuration = '{o.LockoutDuration}': must be positive";
        }
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
