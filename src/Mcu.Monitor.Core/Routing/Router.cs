using Mcu.Monitor.Text;

namespace Mcu.Monitor.Routing;

/// <summary>Applies the ordered routing rules (sector × locality × keywords → recipient) with a default.</summary>
public sealed class Router
{
    private readonly RoutingOptions _options;
    private readonly TermSet<int> _keywords;

    public Router(RoutingOptions options)
    {
        _options = options;
        _keywords = new TermSet<int>(options.Rules.SelectMany((rule, index) => rule.Keywords.Select(k => (k, index))));
    }

    public RouteDecision Route(string sector, string? localityId, IReadOnlyList<Token> tokens)
    {
        HashSet<int>? keywordRules = null;
        for (var i = 0; i < _options.Rules.Count; i++)
        {
            var rule = _options.Rules[i];
            if (!string.IsNullOrEmpty(rule.Sector) && !string.Equals(rule.Sector, sector, StringComparison.Ordinal))
            {
                continue;
            }

            if (!string.IsNullOrEmpty(rule.Locality) && !string.Equals(rule.Locality, localityId, StringComparison.Ordinal))
            {
                continue;
            }

            if (rule.Keywords.Count > 0)
            {
                keywordRules ??= _keywords.Match(tokens).Select(h => h.Tag).ToHashSet();
                if (!keywordRules.Contains(i))
                {
                    continue;
                }
            }

            return new RouteDecision(rule.Recipient, $"правило {i + 1}: {Describe(rule)}");
        }

        return new RouteDecision(_options.DefaultRecipient, "получатель по умолчанию");
    }

    private static string Describe(RoutingRuleOptions rule)
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(rule.Sector)) parts.Add($"сектор {rule.Sector}");
        if (!string.IsNullOrEmpty(rule.Locality)) parts.Add($"населённый пункт {rule.Locality}");
        if (rule.Keywords.Count > 0) parts.Add($"слова {string.Join(", ", rule.Keywords)}");
        return parts.Count > 0 ? string.Join(" × ", parts) : "любое обращение";
    }
}
