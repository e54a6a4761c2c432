using Mcu.Monitor.Sources.Vk.Models;

namespace Mcu.Monitor.Sources.Vk;

/// <summary>Names from an extended response: positive ids are users (<c>profiles</c>), negative ids communities (<c>groups</c>).</summary>
internal sealed class VkAuthors
{
    private readonly Dictionary<long, string> _users = [];
    private readonly Dictionary<long, string> _groups = [];

    public static VkAuthors From(IEnumerable<VkProfile?>? profiles, IEnumerable<VkGroup?>? groups) => new VkAuthors().Add(profiles, groups);

    public VkAuthors Add(IEnumerable<VkProfile?>? profiles, IEnumerable<VkGroup?>? groups)
    {
        foreach (var profile in (profiles ?? []).OfType<VkProfile>())
        {
            var name = $"{profile.FirstName} {profile.LastName}".Trim();
            if (name.Length > 0)
            {
                _users[profile.Id] = name;
            }
        }

        foreach (var group in (groups ?? []).OfType<VkGroup>())
        {
            if (!string.IsNullOrWhiteSpace(group.Name))
            {
                _groups[group.Id] = group.Name;
            }
        }

        return this;
    }

    /// <summary>The display name of an author id, or null when the response did not include it (a deleted user).</summary>
    public string? NameOf(long? id) => id switch
    {
        > 0 => _users.GetValueOrDefault(id.Value),
        < 0 and not long.MinValue => _groups.GetValueOrDefault(-id.Value),
        _ => null,
    };
}
