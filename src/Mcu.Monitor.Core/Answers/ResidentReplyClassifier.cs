using Mcu.Monitor.Domain;
using Mcu.Monitor.Text;

namespace Mcu.Monitor.Answers;

/// <summary>
/// Tells whether a resident's reply says that nothing was done (reopen), thanks (satisfied), or neither. Pure and
/// thread-safe. Rules, in this order:
/// <list type="number">
/// <item><see cref="ResidentReplyKind.NothingDone"/> when a phrase of <see cref="ResidentReplyOptions.NothingDone"/> occurs
/// as written («до сих пор не», «так и не убрали», «отписка»). It wins over thanks: «спасибо, но до сих пор не
/// убрали» and «спасибо за отписку» reopen, because a missed complaint costs more than a second look.</item>
/// <item><see cref="ResidentReplyKind.Thanks"/> when a phrase of <see cref="ResidentReplyOptions.Thanks"/> occurs not
/// right after «не» («не спасибо» is not thanks), or a verb of <see cref="ResidentReplyOptions.DoneWords"/> in a
/// past form not right after «не» («сделали», but not «не сделали» nor «когда сделают?»).</item>
/// </list>
/// Negation is handled by word order, not by guessing: the «не» belongs to the configured phrase. So «всё сделали,
/// ничего не течёт» is thanks («сделали»), not NothingDone, since no configured phrase reads «ничего не течёт».
/// </summary>
public sealed class ResidentReplyClassifier
{
    private readonly PhraseList _nothingDone;
    private readonly PhraseList _thanks;
    private readonly HashSet<string> _doneWordStems = new(StringComparer.Ordinal);

    public ResidentReplyClassifier(ResidentReplyOptions options)
    {
        _nothingDone = new PhraseList(options.NothingDone);
        _thanks = new PhraseList(options.Thanks);
        foreach (var word in options.DoneWords)
        {
            foreach (var token in Tokenizer.Tokenize(TextNormalizer.FoldCase(word)))
            {
                _doneWordStems.Add(token.Stem);
            }
        }
    }

    public ResidentReply Classify(Post reply) => Classify(reply.Text);

    public ResidentReply Classify(string text)
    {
        var tokens = Tokenizer.Tokenize(TextNormalizer.ForMatching(text));
        var nothingDone = _nothingDone.Matches(tokens);
        if (nothingDone.Count > 0)
        {
            return new ResidentReply(ResidentReplyKind.NothingDone, WordsOf(tokens, nothingDone[0]));
        }

        foreach (var thanks in _thanks.Matches(tokens))
        {
            if (!AnswerWords.IsNegated(tokens, thanks.Start))
            {
                return new ResidentReply(ResidentReplyKind.Thanks, WordsOf(tokens, thanks));
            }
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            if (_doneWordStems.Contains(tokens[i].Stem) && AnswerWords.LooksPast(tokens[i].Surface) && !AnswerWords.IsNegated(tokens, i))
            {
                return new ResidentReply(ResidentReplyKind.Thanks, tokens[i].Surface);
            }
        }

        return ResidentReply.Other;
    }

    /// <summary>The resident's own words that matched (lower case, ё as е), for the operator to read.</summary>
    private static string WordsOf(List<Token> tokens, PhraseMatch match) =>
        string.Join(' ', tokens.Skip(match.Start).Take(match.Length).Select(t => t.Surface));
}
