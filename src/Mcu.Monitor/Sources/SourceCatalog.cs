namespace Mcu.Monitor.Sources;

/// <summary>All enabled sources of every registered provider. Source ids are unique across providers.</summary>
public sealed class SourceCatalog(IEnumerable<ISourceProvider> providers)
{
    public IReadOnlyList<SourceDefinition> Enabled()
    {
        var all = providers.SelectMany(p => p.Sources()).ToList();
        var duplicate = all.GroupBy(s => s.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Source id '{duplicate.Key}' is configured {duplicate.Count()} times");
        }

        return all;
    }
}
