namespace Mcu.Monitor.Alerts;

/// <summary>A channel could not deliver an alert; the message says why and never holds a secret or post text.</summary>
public sealed class AlertDeliveryException(string message) : Exception(message);
