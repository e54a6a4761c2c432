namespace Mcu.Monitor.Routing;

/// <summary>The chosen recipient and which rule chose it.</summary>
public sealed record RouteDecision(string RecipientId, string Reason);
