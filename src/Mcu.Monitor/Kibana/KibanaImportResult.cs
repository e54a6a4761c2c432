namespace Mcu.Monitor.Kibana;

/// <summary>A successful import: the files sent, the saved objects they held and how many Kibana reports imported.</summary>
public sealed record KibanaImportResult(IReadOnlyList<string> Files, int ObjectCount, int SuccessCount);
