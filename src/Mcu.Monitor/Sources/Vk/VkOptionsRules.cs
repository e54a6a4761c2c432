namespace Mcu.Monitor.Sources.Vk;

/// <summary>Cross-field rules of <see cref="VkOptions"/>; the token's value is never echoed.</summary>
internal static class VkOptionsRules
{
    public static IEnumerable<string> Validate(VkOptions o)
    {
        var configured = o.Enabled && (o.Communities.Count > 0 || o.Queries.Count > 0);
        if (configured && string.IsNullOrWhiteSpace(o.ServiceToken))
        {
            yield return "Sources:Vk:ServiceToken = '': required when Sources:Vk:Communities or Sources:Vk:Queries are configured "
                + "(set the environment variable Sources__Vk__ServiceToken to the application's service key)";
        }

        if (!Uri.TryCreate(o.ApiBaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            yield return $"Sources:Vk:ApiBaseUrl = '{o.ApiBaseUrl}': must be an absolute http(s) URL such as https://api.vk.com/";
        }

        for (var i = 0; i < o.Communities.Count; i++)
        {
            if (!VkCommunityRef.TryParse(o.Communities[i], out _))
            {
                yield return $"Sources:Vk:Communities:{i} = '{o.Communities[i]}': not a VK community id, club id, screen name or vk.com URL";
            }
        }

        for (var i = 0; i < o.Queries.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(o.Queries[i]))
            {
                yield return $"Sources:Vk:Queries:{i} = '': a search query must not be empty";
            }
        }

        if (o.MaxRetryDelay < o.RetryDelay)
        {
            yield return $"Sources:Vk:MaxRetryDelay = '{o.MaxRetryDelay}': must not be shorter than Sources:Vk:RetryDelay ({o.RetryDelay})";
        }
    }
}
