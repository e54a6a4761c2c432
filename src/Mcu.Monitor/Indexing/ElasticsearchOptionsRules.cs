namespace Mcu.Monitor.Indexing;

/// <summary>
/// Cross-field rules of <see cref="ElasticsearchOptions"/>. Messages show <c>***</c> for secrets and never the
/// user-info part of a URL.
/// </summary>
public static class ElasticsearchOptionsRules
{
    private const string Section = ElasticsearchOptions.SectionName;

    public static IEnumerable<string> Validate(ElasticsearchOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        if (o.PostsIndexPrefix is { Length: > 0 } prefix && o.IncidentsIndex is { Length: > 0 } incidents
            && incidents.StartsWith(prefix + "-", StringComparison.Ordinal))
        {
            yield return $"{Section}:IncidentsIndex = '{incidents}': must not match the post indices '{prefix}-*' (their template would apply)";
        }

        if (!o.Enabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(o.Url))
        {
            yield return $"{Section}:Url = '': is required when {Section}:Enabled is true";
        }
        else if (!Uri.TryCreate(o.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            yield return $"{Section}:Url = '{ShowUrl(o.Url)}': must be an absolute http or https URL";
        }
        else if (url.UserInfo.Length > 0)
        {
            yield return $"{Section}:Url = '{ShowUrl(o.Url)}': must not carry credentials; use {Section}:ApiKey or Username/Password";
        }

        var hasApiKey = !string.IsNullOrWhiteSpace(o.ApiKey);
        var hasUser = !string.IsNullOrWhiteSpace(o.Username);
        var hasPassword = !string.IsNullOrWhiteSpace(o.Password);
        if (hasApiKey && (hasUser || hasPassword))
        {
            yield return $"{Section}:ApiKey = '***': give either an API key or Username/Password, not both";
        }
        else if (!hasApiKey && !(hasUser && hasPassword))
        {
            yield return hasUser
                ? $"{Section}:Password = '': is required with {Section}:Username"
                : $"{Section}:ApiKey = '': credentials are required when {Section}:Enabled is true (ApiKey, or Username and Password; set them through environment variables such as {Section}__ApiKey)";
        }
    }

    /// <summary>The URL without anything between the scheme and the host, so a password typed into it never shows.</summary>
    public static string ShowUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var at = url.IndexOf('@', StringComparison.Ordinal);
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        return at > 0 && scheme >= 0 && at > scheme ? url[..(scheme + 3)] + "***@" + url[(at + 1)..] : url;
    }
}
