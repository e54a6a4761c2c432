using Mcu.Monitor.Querying;

namespace Mcu.Monitor.Benchmarks;

/// <summary>One filter of the operator console's feed as a benchmark measures it: a name for the report and the query.</summary>
public sealed record ConsoleFeedFilter(string Name, PostQuery Query);
