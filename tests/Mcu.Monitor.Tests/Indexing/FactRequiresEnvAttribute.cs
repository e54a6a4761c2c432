namespace Mcu.Monitor.Tests.Indexing;

/// <summary>
/// A fact that runs only when an environment variable is set, and otherwise reports itself skipped with the reason
/// (xunit 2 has no dynamic skip). Opt-in suites against real services use it (CONVENTIONS.md, Tests).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class FactRequiresEnvAttribute : FactAttribute
{
    public FactRequiresEnvAttribute(string variable)
    {
        Variable = variable;
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(variable)))
        {
            Skip = variable == RealClusterTests.UrlVariable
                ? "set MCU_TEST_ELASTICSEARCH_URL to run against a real cluster"
                : $"set {variable} to run";
        }
    }

    public string Variable { get; }
}
