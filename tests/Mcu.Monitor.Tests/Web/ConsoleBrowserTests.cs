using Mcu.Monitor.Tests.TestSupport;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Mcu.Monitor.Tests.Web;

/// <summary>
/// Issue #8 end to end in headless Chromium: an officer logs in, triages an appeal, reassigns an incident and sees
/// the change in its timeline. Every page is photographed into <c>docs/screenshots/</c> on the way.
/// </summary>
public sealed class ConsoleBrowserTests : IAsyncLifetime
{
    private WebConsoleHarness _console = null!;
    private ChromeDriver _browser = null!;

    public async Task InitializeAsync() => _console = await WebConsoleHarness.StartAsync(withSampleFeed: true);

    public async Task DisposeAsync() => await _console.DisposeAsync();

    private static ChromeDriver StartBrowser(TempDirectory profile)
    {
        Assert.True(File.Exists(FactRequiresBrowserAttribute.Chromium) && File.Exists(FactRequiresBrowserAttribute.ChromeDriver),
            "Chromium and ChromeDriver are not installed: apt-get install chromium chromium-driver");
        var options = new ChromeOptions { BinaryLocation = FactRequiresBrowserAttribute.Chromium };
        // Headless, as root in CI, and without the background connections this machine's closed network refuses.
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
            "--lang=ru-RU", $"--user-data-dir={profile.Path}");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(FactRequiresBrowserAttribute.ChromeDriver)!, "chromedriver");
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    [FactRequiresBrowser]
    public void AnOfficer_LogsIn_TriagesAnAppeal_ReassignsAnIncident_AndSeesItInTheTimeline()
    {
        using var profile = new TempDirectory();
        using var browser = StartBrowser(profile);
        _browser = browser;

        // Any page sends an anonymous visitor to the login form, which brings them back after signing in.
        Go("/queue");
        Wait(d => d.Url.Contains("/login", StringComparison.Ordinal));
        Screenshot("login");
        _browser.FindElement(By.Id("login")).SendKeys(WebConsoleHarness.Officer);
        _browser.FindElement(By.Id("password")).SendKeys(WebConsoleHarness.Password);
        _browser.FindElement(By.Id("login-submit")).Click();
        Wait(d => new Uri(d.Url).AbsolutePath == "/queue");

        // Triage: the first appeal in the queue is really about roads; the officer corrects the sector and confirms.
        var card = Wait(d => d.FindElements(By.CssSelector("#queue article.card")).FirstOrDefault());
        Screenshot("queue");
        var postKey = card.GetDomAttribute("data-key");
        var newSector = Scalar($"SELECT sector FROM classifications WHERE post_key = '{postKey}'") == "roads" ? "zhkh" : "roads";
        new SelectElement(card.FindElement(By.CssSelector("select[name=sector]"))).SelectByValue(newSector);
        card.FindElement(By.CssSelector("button.confirm")).Click();
        Wait(d => d.FindElement(By.Id("message")).Text.Length > 0);
        Assert.DoesNotContain("error", _browser.FindElement(By.Id("message")).GetDomAttribute("class") ?? "", StringComparison.Ordinal);
        Wait(d => d.FindElements(By.CssSelector($"#queue article.card[data-key='{postKey}']")).Count == 0);
        Assert.Equal(newSector, Scalar($"SELECT sector FROM classifications WHERE post_key = '{postKey}'"));
        Assert.Equal("officer:ivanova", Scalar($"SELECT actor FROM training_feedback WHERE post_key = '{postKey}' AND field = 'sector'"));
        var incident = long.Parse(Scalar($"SELECT incident_id FROM incident_posts WHERE post_key = '{postKey}'")!, System.Globalization.CultureInfo.InvariantCulture);

        // The incident list, overdue first.
        Go("/incidents");
        Wait(d => d.FindElements(By.CssSelector("#incidents tbody tr")).Count > 0);
        Screenshot("incidents");

        // Reassign the triaged incident and see it in the timeline.
        Go($"/incidents/{incident}");
        Wait(d => d.FindElements(By.CssSelector("#timeline tbody tr")).Count > 0);
        var target = Scalar($"SELECT recipient_id FROM incidents WHERE id = {incident}") == "mcu" ? "roads" : "mcu";
        new SelectElement(_browser.FindElement(By.Id("reassign-recipient"))).SelectByValue(target);
        _browser.FindElement(By.Id("reassign-reason")).SendKeys("проверка в браузере");
        _browser.FindElement(By.Id("reassign-submit")).Click();
        var row = Wait(d => d.FindElements(By.CssSelector("#timeline tbody tr")).Select(r => r.Text).FirstOrDefault(t => t.Contains("переназначен", StringComparison.Ordinal)));
        Assert.Contains("officer:ivanova", row, StringComparison.Ordinal);
        Assert.Contains("проверка в браузере", row, StringComparison.Ordinal);
        Assert.Equal(target, Scalar($"SELECT recipient_id FROM incidents WHERE id = {incident}"));
        Screenshot("incident");

        Go("/feed");
        Wait(d => d.FindElements(By.CssSelector("#posts tbody tr")).Count > 0);
        Screenshot("feed");

        // The feed: the officer marks a post's tone for the tone model's training.
        var feedRow = _browser.FindElement(By.CssSelector("#posts tbody tr[data-key]"));
        var feedKey = feedRow.GetDomAttribute("data-key");
        feedRow.FindElement(By.CssSelector("button.secondary")).Click();
        var edit = Wait(d => d.FindElements(By.CssSelector("#posts tr.edit")).FirstOrDefault());
        new SelectElement(edit.FindElement(By.CssSelector("select[aria-label='Тон']"))).SelectByValue("true");
        edit.FindElement(By.XPath(".//button[text()='Сохранить']")).Click();
        Wait(d => Scalar($"SELECT value FROM training_feedback WHERE post_key = '{feedKey}' AND field = 'negative'") == "1");
        Assert.Equal("officer:ivanova", Scalar($"SELECT actor FROM training_feedback WHERE post_key = '{feedKey}' AND field = 'negative'"));

        Go("/recipients");
        Wait(d => d.FindElements(By.CssSelector("#rating tbody tr")).Count > 0 && d.FindElements(By.CssSelector("#registry tbody tr")).Count > 0);
        Screenshot("recipients");

        Go("/summary");
        Wait(d => d.FindElement(By.Id("week")).GetDomProperty("value")!.Length > 0);
        _browser.FindElement(By.Id("week")).Clear();
        _browser.FindElement(By.Id("week")).SendKeys("2026-W47");
        _browser.FindElement(By.CssSelector("#week-form button")).Click();
        Wait(d => d.FindElements(By.CssSelector("#charts img")).Count == 3
            && d.FindElements(By.CssSelector("#charts img")).All(i => (bool)((IJavaScriptExecutor)d).ExecuteScript("return arguments[0].complete && arguments[0].naturalWidth > 0", i)!));
        Assert.Equal("2026-W47", _browser.FindElement(By.Id("period")).Text);
        Screenshot("summary");
    }

    private void Go(string path) => _browser.Navigate().GoToUrl(new Uri(_console.BaseAddress, path));

    /// <summary>Waits for the page's scripts; an element replaced while it was read is simply read again.</summary>
    private T Wait<T>(Func<IWebDriver, T?> condition)
    {
        var wait = new WebDriverWait(_browser, TimeSpan.FromSeconds(20));
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException));
        return wait.Until(d => condition(d))!;
    }

    /// <summary>
    /// Saves the page as it is now: into <c>MCU_TEST_SCREENSHOTS</c> when set (<c>MCU_TEST_SCREENSHOTS=docs/screenshots</c>
    /// refreshes the committed ones the README shows), otherwise into a temporary folder, so a test run leaves the tree clean.
    /// </summary>
    private void Screenshot(string name)
    {
        var directory = Environment.GetEnvironmentVariable("MCU_TEST_SCREENSHOTS") is { Length: > 0 } configured
            ? Path.GetFullPath(configured, TestConfiguration.RepositoryRoot())
            : Path.Combine(Path.GetTempPath(), "mcu-console-screenshots");
        Directory.CreateDirectory(directory);
        _browser.GetScreenshot().SaveAsFile(Path.Combine(directory, name + ".png"));
    }

    private string? Scalar(string sql) => _console.Scalar(sql);
}
