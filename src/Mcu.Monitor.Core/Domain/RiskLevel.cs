namespace Mcu.Monitor.Domain;

public enum RiskLevel
{
    Low,
    Medium,
    High,
    Critical,
}
