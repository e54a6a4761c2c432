using System.Collections.Concurrent;
using Mcu.Monitor.Alerts;

namespace Mcu.Monitor.Tests.TestSupport;

/// <summary>Keeps every operator alert raised, without the quiet period of the real one, so tests can count them.</summary>
public sealed class CollectingOperatorAlerts : IOperatorAlerts
{
    private readonly ConcurrentQueue<(string Key, string Message)> _raised = new();

    public IReadOnlyList<(string Key, string Message)> Raised => [.. _raised];

    public void Raise(string key, string message) => _raised.Enqueue((key, message));
}
