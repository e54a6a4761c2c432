using Mcu.Monitor.Domain;

namespace Mcu.Monitor.Spikes;

/// <summary>One of the posts behind a spike, as an alert quotes it. The text is untrusted residents' text.</summary>
public sealed record SpikePost(string Key, Network Network, string? Url, DateTimeOffset PublishedAt, string Text);
