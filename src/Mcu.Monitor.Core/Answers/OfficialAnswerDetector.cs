using System.Text.RegularExpressions;
using Mcu.Monitor.Domain;
using Mcu.Monitor.Sources;
using Mcu.Monitor.Text;

namespace Mcu.Monitor.Answers;

/// <summary>
/// Decides whether a comment under an incident's post is an official answer. Pure and thread-safe. A comment is an
/// answer when all of these hold:
/// <list type="number">
/// <item>it belongs to the post's thread (its <see cref="Post.ParentKey"/> is the post's key);</item>
/// <item>its author is the community that owns the wall (a VK community comments as itself with
/// <see cref="Post.AuthorId"/> equal to the wall owner, «-123»; on VK only a negative owner is a community, so a
/// user answering on their own wall is not), or a configured official account
/// (<see cref="OfficialAccounts.NameOf"/>);</item>
/// <item>it says something: at least <see cref="OfficialAnswerOptions.MinMeaningfulWords"/> words besides greetings,
/// mentions, the resident's name and patronymics, so «👍», «.» and «Добрый день, Мария Ивановна!» are not answers.
/// A formal reply is still an answer: the rubric marks it for rework.</item>
/// </list>
/// </summary>
public sealed partial class OfficialAnswerDetector
{
    private readonly OfficialAnswerOptions _options;
    private readonly AnswerRubric _rubric;
    private readonly Func<Post, string?> _officialAccountName;
    private readonly PhraseList _greetings;

    /// <param name="options">Greetings and the least number of meaningful words.</param>
    /// <param name="rubric">Scores the answers found.</param>
    /// <param name="officialAccountName">The account's name when a post or comment is by a configured official account, else null.</param>
    public OfficialAnswerDetector(OfficialAnswerOptions options, AnswerRubric rubric, Func<Post, string?> officialAccountName)
    {
        _options = options;
        _rubric = rubric;
        _officialAccountName = officialAccountName;
        _greetings = new PhraseList(options.Greetings);
    }

    public OfficialAnswerDetector(OfficialAnswerOptions options, AnswerRubric rubric, OfficialAccounts officialAccounts)
        : this(options, rubric, officialAccounts.NameOf)
    {
    }

    /// <summary>The answer that <paramref name="comment"/> gives to <paramref name="incidentPost"/>, or null when it is not an official answer.</summary>
    public OfficialAnswer? Detect(Post incidentPost, Post comment)
    {
        if (comment.ParentKey != incidentPost.Key)
        {
            return null;
        }

        var author = OfficialAuthor(incidentPost, comment);
        if (author is null || !SaysSomething(comment.Text, incidentPost.AuthorName))
        {
            return null;
        }

        return new OfficialAnswer(comment.Key, author, comment.PublishedAt, _rubric.Score(comment, incidentPost.AuthorName), comment.Url);
    }

    /// <summary>True when the comment is by the wall's community or a configured official account, whatever it says.</summary>
    public bool IsOfficial(Post incidentPost, Post comment) => OfficialAuthor(incidentPost, comment) is not null;

    private string? OfficialAuthor(Post incidentPost, Post comment)
    {
        var owner = incidentPost.Key.Owner;
        var byCommunity = comment.AuthorId is { Length: > 0 } authorId
            && string.Equals(authorId, owner, StringComparison.OrdinalIgnoreCase)
            && (incidentPost.Key.Network != Network.Vk || owner.StartsWith('-'));
        var accountName = _officialAccountName(comment);
        if (accountName is not null)
        {
            return accountName;
        }

        return byCommunity ? comment.AuthorName ?? $"сообщество {owner}" : null;
    }

    private bool SaysSomething(string text, string? residentName)
    {
        // Mentions name who is answered, not what: «[id1|Мария], добрый день!» says nothing yet.
        var tokens = Tokenizer.Tokenize(TextNormalizer.FoldCase(VkMention().Replace(text, " ")));
        var nameStems = (residentName ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(n => RussianStemmer.Stem(TextNormalizer.FoldCase(n)))
            .ToHashSet(StringComparer.Ordinal);
        var covered = new bool[tokens.Count];
        foreach (var greeting in _greetings.Matches(tokens))
        {
            Array.Fill(covered, true, greeting.Start, greeting.Length);
        }

        var meaningful = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = tokens[i].Surface;
            if (!covered[i] && word.Length >= 2 && word.Any(char.IsLetter) && !nameStems.Contains(tokens[i].Stem) && !IsPatronymic(word))
            {
                meaningful++;
            }
        }

        return meaningful >= _options.MinMeaningfulWords;
    }

    /// <summary>«Ивановна», «Петровичу»: officials greet by name and patronymic, which says nothing about the problem.</summary>
    private static bool IsPatronymic(string word) => PatronymicPattern().IsMatch(word);

    [GeneratedRegex(@"^[а-я]+(?:ович|евич|овн|евн|ичн)[а-я]{0,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex PatronymicPattern();

    [GeneratedRegex(@"\[(?:id|club|public)\d+\|[^\]]*\]", RegexOptions.CultureInvariant)]
    private static partial Regex VkMention();
}
