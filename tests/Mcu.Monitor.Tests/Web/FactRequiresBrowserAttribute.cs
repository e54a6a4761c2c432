namespace Mcu.Monitor.Tests.Web;

/// <summary>
/// A browser test: it runs when Debian's Chromium and ChromeDriver are installed, and reports itself skipped with
/// the reason otherwise — unless <c>MCU_TEST_REQUIRE_BROWSER=1</c> (set by <c>.ci/run</c>, which installs them),
/// where a missing browser fails the test instead of skipping it.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class FactRequiresBrowserAttribute : FactAttribute
{
    public const string RequireVariable = "MCU_TEST_REQUIRE_BROWSER";
    public const string Chromium = "/usr/bin/chromium";
    public const string ChromeDriver = "/usr/bin/chromedriver";

    public FactRequiresBrowserAttribute()
    {
        if (Environment.GetEnvironmentVariable(RequireVariable) != "1" && (!File.Exists(Chromium) || !File.Exists(ChromeDriver)))
        {
            Skip = $"needs {Chromium} and {ChromeDriver}: apt-get install chromium chromium-driver (bash .ci/run does)";
        }
    }
}
