using System.ComponentModel.DataAnnotations;

namespace Mcu.Monitor.Web;

/// <summary>
/// The operator web console (section <c>WebConsole</c>; issue #8), served by the worker (<c>run</c>) in the same process.
/// </summary>
public sealed class WebConsoleOptions
{
    public const string SectionName = "WebConsole";

    /// <summary>Whether <c>run</c> serves the console. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Addresses to listen on, separated by <c>;</c>. Default <c>http://127.0.0.1:5080</c>: this machine only. An
    /// address other than loopback needs <see cref="AllowRemote"/>, so the console is reachable from elsewhere only on purpose.
    /// </summary>
    [Required]
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Allows <see cref="Urls"/> to name a non-loopback address (behind TLS: see <see cref="SecureCookies"/>). Default false.</summary>
    public bool AllowRemote { get; set; }

    /// <summary>
    /// Send the session and anti-forgery cookies only over HTTPS. Default true when an address in <see cref="Urls"/>
    /// is https, false for the plain-http loopback default; set it to true behind a TLS reverse proxy.
    /// </summary>
    public bool? SecureCookies { get; set; }

    /// <summary>How long a login lasts without activity (sliding). Default 8 hours, a working day.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Failed logins in a row that lock an account. Default 5.</summary>
    [Range(1, 100)]
    public int MaxFailedLogins { get; set; } = 5;

    /// <summary>How long a locked account stays locked. Default 15 minutes.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    public IReadOnlyList<Uri> ParsedUrls() =>
        Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(u => new Uri(u, UriKind.Absolute)).ToList();

    public bool UsesSecureCookies() => SecureCookies ?? ParsedUrls().Any(u => u.Scheme == Uri.UriSchemeHttps);
}
