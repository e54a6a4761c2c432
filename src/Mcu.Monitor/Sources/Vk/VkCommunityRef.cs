using System.Globalization;
using System.Text.RegularExpressions;

namespace Mcu.Monitor.Sources.Vk;

/// <summary>
/// A community as configured: a numeric id (<c>123</c>, <c>-123</c>), <c>club123</c>/<c>public123</c>/<c>event123</c>,
/// a screen name, <c>@name</c>, or a vk.com / vk.ru URL. Numeric forms need no request to resolve.
/// </summary>
internal sealed partial record VkCommunityRef(string Configured, long? GroupId, string? ScreenName)
{
    public static bool TryParse(string? value, out VkCommunityRef reference)
    {
        reference = null!;
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            return false;
        }

        var name = text;
        var hostMatch = UrlPattern().Match(text);
        if (hostMatch.Success)
        {
            name = hostMatch.Groups["path"].Value;
        }
        else if (name.StartsWith('@'))
        {
            name = name[1..];
        }

        if (long.TryParse(name, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) && id != 0 && id != long.MinValue)
        {
            reference = new VkCommunityRef(value!, Math.Abs(id), null);
            return true;
        }

        var club = ClubPattern().Match(name);
        if (club.Success && long.TryParse(club.Groups["id"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0)
        {
            reference = new VkCommunityRef(value!, id, null);
            return true;
        }

        if (ScreenNamePattern().IsMatch(name))
        {
            reference = new VkCommunityRef(value!, null, name);
            return true;
        }

        return false;
    }

    [GeneratedRegex(@"^(?:https?://)?(?:www\.|m\.)?vk\.(?:com|ru)/(?<path>[^/?#]+)/?(?:[?#].*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"^(?:club|public|event)(?<id>\d{1,18})$", RegexOptions.CultureInvariant)]
    private static partial Regex ClubPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_.]{2,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex ScreenNamePattern();
}
