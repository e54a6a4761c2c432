using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;

namespace Mcu.Monitor.Observability;

/// <summary>
/// A counter with one label (a source id, a channel name). A label value gets its cell on first use and keeps it:
/// the values come from configuration, so there are few of them. Adding is one dictionary read and one atomic add.
/// </summary>
internal sealed class CounterFamily(string name, string help, string label)
{
    private readonly ConcurrentDictionary<string, StrongBox<long>> _cells = new(StringComparer.Ordinal);

    public void Add(string labelValue, long count)
    {
        // A counter only goes up; a negative count is a bug in the caller, not something to expose.
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var cell = _cells.GetOrAdd(labelValue, static _ => new StrongBox<long>());
        Interlocked.Add(ref cell.Value, count);
    }

    /// <summary>The family with its samples ordered by label value, so two scrapes list them alike.</summary>
    public void WriteTo(StringBuilder text)
    {
        PrometheusText.Family(text, name, "counter", help);
        foreach (var (labelValue, cell) in _cells.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            PrometheusText.Sample(text, name, label, labelValue, Interlocked.Read(ref cell.Value));
        }
    }
}
