using System.ComponentModel.DataAnnotations;

namespace Mcu.Monitor.Kibana;

/// <summary>
/// Where <c>kibana import</c> sends the saved objects of <c>deploy/kibana/*.ndjson</c> (section <c>Kibana</c>;
/// docs/deploy.md). With no <see cref="Url"/> Kibana is not configured and nothing else is needed. Credentials
/// come from the environment (<c>Kibana__Password</c>, <c>Kibana__ApiKey</c>), never from committed files.
/// </summary>
public sealed class KibanaOptions
{
    public const string SectionName = "Kibana";

    /// <summary>Kibana's base URL, e.g. <c>http://kibana:5601</c>. Default empty: Kibana is not configured.</summary>
    public string Url { get; set; } = "";

    /// <summary>
    /// User for basic authentication (a user with the Kibana privilege to manage saved objects, not
    /// <c>kibana_system</c>). Default empty; with <see cref="Password"/>, or use <see cref="ApiKey"/> instead.
    /// </summary>
    public string Username { get; set; } = "";

    /// <summary>Password of <see cref="Username"/>. Default empty; set <c>Kibana__Password</c>; never logged.</summary>
    public string Password { get; set; } = "";

    /// <summary>
    /// An Elasticsearch API key, the base64 <c>encoded</c> value sent as <c>Authorization: ApiKey …</c>; used
    /// instead of <see cref="Username"/>/<see cref="Password"/>. Default empty; set <c>Kibana__ApiKey</c>; never logged.
    /// </summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Kibana space to import into (<c>/s/{SpaceId}/api/…</c>). Default empty: the default space.</summary>
    [RegularExpression("^[a-z0-9_-]*$", ErrorMessage = "must be lower-case latin letters, digits, '_' or '-'")]
    public string SpaceId { get; set; } = "";

    /// <summary>
    /// Folder holding the <c>*.ndjson</c> files; a relative path is taken from the application folder, where the
    /// build copies <c>deploy/kibana</c>. Default <c>kibana</c>.
    /// </summary>
    [Required]
    public string SavedObjectsPath { get; set; } = "kibana";

    /// <summary>Longest wait for one import request. Default 2 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Retries after a transient failure (no connection, timeout, HTTP 429, 502, 503, 504: Kibana still
    /// starting); the import overwrites by id, so repeating it is safe. Default 5.
    /// </summary>
    [Range(0, 100)]
    public int MaxRetries { get; set; } = 5;

    /// <summary>Wait between those retries. Default 10 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);
}
