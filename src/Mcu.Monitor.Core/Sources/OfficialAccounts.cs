using Mcu.Monitor.Domain;

namespace Mcu.Monitor.Sources;

/// <summary>Recognises posts published by the municipality's official accounts (<c>Sources:OfficialAccounts</c>).</summary>
public sealed class OfficialAccounts
{
    private readonly Dictionary<(Network, string), string> _byOwner = [];

    public OfficialAccounts(IEnumerable<OfficialAccountOptions> accounts)
    {
        foreach (var account in accounts)
        {
            if (NetworkNames.TryParse(account.Network, out var network))
            {
                _byOwner[(network, account.Owner.Trim().ToLowerInvariant())] = account.Name;
            }
        }
    }

    public static OfficialAccounts None { get; } = new([]);

    /// <summary>
    /// The account's name when the post is the account's own: written by the account (a VK community posting as
    /// itself has the community as author), or a post in its own channel with no other author. Residents'
    /// comments under an official post are not official.
    /// </summary>
    public string? NameOf(Post post)
    {
        if (_byOwner.Count == 0)
        {
            return null;
        }

        if (post.AuthorId is { Length: > 0 } author && _byOwner.TryGetValue((post.Key.Network, author.ToLowerInvariant()), out var byAuthor))
        {
            return byAuthor;
        }

        return post.Kind == PostKind.Post && string.IsNullOrEmpty(post.AuthorId)
            && _byOwner.TryGetValue((post.Key.Network, post.Key.Owner.ToLowerInvariant()), out var byOwner)
                ? byOwner
                : null;
    }
}
